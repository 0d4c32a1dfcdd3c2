package org.shequn.membership.web;

import com.google.zxing.common.BitMatrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.shequn.membership.Inviting;
import org.shequn.membership.view.Times;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.web.QrCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The share poster (分享海报) of an invitation: a phone-sized PNG (750×1334, a screen at 2x) that a person saves and
 * sends in WeChat, where a link alone is easily lost. It shows the community's cover (or its initial on the brand
 * colour), name and description, who invites, and the link's QR code, which WeChat reads on a long press. Drawn per
 * request: it takes a few tens of milliseconds and depends on the viewer's language and the invitation's state.
 */
@Component
class InvitationPoster {

    static final int WIDTH = 750;
    static final int HEIGHT = 1334;

    private static final Logger log = LoggerFactory.getLogger(InvitationPoster.class);
    private static final Color BRAND = new Color(0x0f766e);
    private static final Color BRAND_DARK = new Color(0x115e59);
    private static final Color BRAND_SOFT = new Color(0xccfbf1);
    private static final Color PAGE = new Color(0xf0fdfa);
    private static final Color INK = new Color(0x0f172a);
    private static final Color MUTED = new Color(0x64748b);
    private static final Color LINE = new Color(0xe2e8f0);
    private static final int CARD_X = 40;
    private static final int CARD_TOP_MIN = 190;
    private static final int CARD_TOP_MAX = 400;
    private static final int COVER_UNDER_CARD = 80;
    private static final int CARD_BOTTOM = HEIGHT - 92;
    private static final int PAD = 52;
    private static final int NAME_LINE = 64;
    private static final int DESCRIPTION_GAP = 14;
    private static final int DESCRIPTION_LINE = 42;
    private static final int INVITER_GAP = 30;
    private static final int PILL_HEIGHT = 56;
    private static final int TEXT_TO_DIVIDER = 44;
    private static final int TEXT_WIDTH = WIDTH - 2 * (CARD_X + PAD);
    /** The code's modules take at least this many pixels across, whole pixels each, so any phone reads it. */
    private static final int QR_MIN = 340;

    private final FileStore files;
    private final MessageSource messages;

    InvitationPoster(FileStore files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    byte[] png(Inviting.Shown shown, Locale locale) {
        var community = shown.community();
        var invitation = shown.invitation();
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(PAGE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            var name = PosterText.clean(community.name());
            var nameFont = PosterFont.of(Font.BOLD, 50);
            var nameLines = PosterText.wrap(name, g.getFontMetrics(nameFont), TEXT_WIDTH, 2);
            var descriptionFont = PosterFont.of(Font.PLAIN, 28);
            var description = PosterText.clean(community.description());
            var descriptionLines = description.isEmpty() ? List.<String>of()
                    : PosterText.wrap(description, g.getFontMetrics(descriptionFont), TEXT_WIDTH, 3);
            var expiry = invitation.expiresAt() == null ? null : messages.getMessage("membership.poster.expires",
                    new Object[] {Times.format(invitation.expiresAt())}, locale);
            var code = new Code(QrCode.matrix(invitation.link()), expiry != null);
            // the card starts as low as its text allows, so a short text shows more of the cover
            int text = nameLines.size() * NAME_LINE
                    + (descriptionLines.isEmpty() ? 0 : DESCRIPTION_GAP + descriptionLines.size() * DESCRIPTION_LINE)
                    + INVITER_GAP + PILL_HEIGHT;
            int cardTop = Math.clamp(code.divider() - TEXT_TO_DIVIDER - text - PAD, CARD_TOP_MIN, CARD_TOP_MAX);
            int coverHeight = cardTop + COVER_UNDER_CARD;
            cover(community.coverUrl()).ifPresentOrElse(cover -> drawCover(g, cover, cardTop, coverHeight),
                    () -> drawBand(g, name, cardTop, coverHeight));
            drawCard(g, cardTop);
            int y = drawLines(g, nameLines, nameFont, INK, cardTop + PAD, NAME_LINE);
            if (!descriptionLines.isEmpty()) {
                y = drawLines(g, descriptionLines, descriptionFont, MUTED, y + DESCRIPTION_GAP, DESCRIPTION_LINE);
            }
            var inviter = PosterText.clean(invitation.creatorName());
            drawInviter(g, who -> messages.getMessage("membership.poster.invites", new Object[] {who}, locale),
                    inviter, y + INVITER_GAP);
            drawCode(g, code, messages.getMessage("membership.poster.hint", null, locale), expiry);
            drawFooter(g, messages.getMessage("app.footer", null, locale));
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream(128 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The cover, read from the file store its address points at. A cover that cannot be read is drawn as no cover:
     * the poster still invites.
     */
    private Optional<BufferedImage> cover(String url) {
        return FileStore.keyOf(url).flatMap(files::get).flatMap(file -> {
            // stored covers are our own re-encoded PNGs of at most 1600 pixels a side, so reading one whole is safe
            try (InputStream in = file.content()) {
                return Optional.ofNullable(ImageIO.read(in));
            } catch (IOException | RuntimeException e) {
                log.warn("cover {} unreadable for a poster: {}", url, e.toString());
                return Optional.empty();
            }
        });
    }

    /** Fills the top, cropped from the middle so it keeps its proportions. */
    private static void drawCover(Graphics2D g, BufferedImage cover, int cardTop, int height) {
        double scale = Math.max((double) WIDTH / cover.getWidth(), (double) height / cover.getHeight());
        int w = (int) Math.ceil(cover.getWidth() * scale);
        int h = (int) Math.ceil(cover.getHeight() * scale);
        g.setClip(0, 0, WIDTH, height);
        g.drawImage(cover, (WIDTH - w) / 2, (height - h) / 2, w, h, null);
        // a soft shade where the card overlaps, so a bright cover does not melt into the white card
        g.setPaint(new GradientPaint(0, cardTop - 120, new Color(0, 0, 0, 0), 0, height, new Color(0, 0, 0, 70)));
        g.fillRect(0, cardTop - 120, WIDTH, height - cardTop + 120);
        g.setClip(null);
    }

    /** No cover: the brand colour and the community's first character in a light disc. */
    private static void drawBand(Graphics2D g, String name, int cardTop, int height) {
        g.setPaint(new GradientPaint(0, 0, BRAND, WIDTH, height, BRAND_DARK));
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(new Color(255, 255, 255, 22));
        g.fill(new Ellipse2D.Double(WIDTH - 260, -120, 420, 420));
        g.fill(new Ellipse2D.Double(-140, height - 240, 300, 300));
        int disc = Math.min(150, cardTop - 50);
        int cx = WIDTH / 2;
        int cy = cardTop / 2;
        g.setColor(BRAND_SOFT);
        g.fill(new Ellipse2D.Double(cx - disc / 2.0, cy - disc / 2.0, disc, disc));
        var initial = name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
        var font = PosterFont.of(Font.BOLD, disc / 2f);
        var metrics = g.getFontMetrics(font);
        g.setFont(font);
        g.setColor(BRAND_DARK);
        g.drawString(initial, cx - metrics.stringWidth(initial) / 2f,
                cy + (metrics.getAscent() - metrics.getDescent()) / 2f);
    }

    private static void drawCard(Graphics2D g, int top) {
        var card = new RoundRectangle2D.Double(CARD_X, top, WIDTH - 2 * CARD_X, CARD_BOTTOM - top, 36, 36);
        g.setColor(new Color(15, 118, 110, 24));
        g.fill(new RoundRectangle2D.Double(CARD_X - 2, top + 6, WIDTH - 2 * CARD_X + 4, CARD_BOTTOM - top, 40, 40));
        g.setColor(Color.WHITE);
        g.fill(card);
    }

    /** Draws lines from {@code top} (the first line's top); returns where the last one ends. */
    private static int drawLines(Graphics2D g, List<String> lines, Font font, Color color, int top, int lineHeight) {
        g.setFont(font);
        g.setColor(color);
        var metrics = g.getFontMetrics();
        int y = top;
        for (var line : lines) {
            g.drawString(line, CARD_X + PAD, y + metrics.getAscent() + (lineHeight - metrics.getHeight()) / 2f);
            y += lineHeight;
        }
        return y;
    }

    /** "张三 邀请你加入" on a soft brand pill, shortened to fit. */
    private static void drawInviter(Graphics2D g, UnaryOperator<String> sentence, String inviter, int top) {
        var font = PosterFont.of(Font.BOLD, 28);
        var metrics = g.getFontMetrics(font);
        int padX = 26;
        var line = PosterText.withName(inviter, sentence, metrics, TEXT_WIDTH - 2 * padX);
        int height = PILL_HEIGHT;
        g.setColor(BRAND_SOFT);
        g.fill(new RoundRectangle2D.Double(CARD_X + PAD, top, metrics.stringWidth(line) + 2 * padX, height, height,
                height));
        g.setFont(font);
        g.setColor(BRAND_DARK);
        g.drawString(line, CARD_X + PAD + padX, top + (height + metrics.getAscent() - metrics.getDescent()) / 2f);
    }

    /**
     * Where the QR code goes: centred near the card's foot, above its hint and the expiry, in whole-pixel modules
     * (at least {@value #QR_MIN} pixels across); the card's white is its quiet zone.
     */
    private record Code(BitMatrix matrix, int unit, int size, int left, int top) {

        Code(BitMatrix matrix, boolean expires) {
            this(matrix, (QR_MIN + matrix.getWidth() - 1) / matrix.getWidth(), expires);
        }

        private Code(BitMatrix matrix, int unit, boolean expires) {
            this(matrix, unit, matrix.getWidth() * unit, (WIDTH - matrix.getWidth() * unit) / 2,
                    CARD_BOTTOM - PAD - (expires ? 100 : 58) - matrix.getWidth() * unit - quiet(unit));
        }

        private static int quiet(int unit) {
            return QrCode.QUIET * unit;
        }

        /** The dashed line between the text and the code. */
        int divider() {
            return top - quiet(unit) - 34;
        }
    }

    /** Antialiasing off for the modules, so their edges stay sharp after WeChat recompresses the picture. */
    private static void drawCode(Graphics2D g, Code code, String hint, String expiry) {
        g.setColor(LINE);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {8, 10}, 0));
        g.drawLine(CARD_X + PAD, code.divider(), WIDTH - CARD_X - PAD, code.divider());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        var matrix = code.matrix();
        int unit = code.unit();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(code.left() + x * unit, code.top() + y * unit, unit, unit);
                }
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int y = code.top() + code.size() + Code.quiet(unit) + 40;
        centred(g, hint, PosterFont.of(Font.BOLD, 28), INK, y);
        if (expiry != null) {
            centred(g, expiry, PosterFont.of(Font.PLAIN, 24), MUTED, y + 42);
        }
    }

    private static void drawFooter(Graphics2D g, String text) {
        centred(g, text, PosterFont.of(Font.PLAIN, 22), BRAND, HEIGHT - 38);
    }

    private static void centred(Graphics2D g, String text, Font font, Color color, int baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (WIDTH - g.getFontMetrics().stringWidth(text)) / 2f, baseline);
    }
}
