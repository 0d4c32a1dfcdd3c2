package org.shequn.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Pictures for demo posts and stickers, drawn in memory with Java2D: shapes only, no text, so they look the same
 * on a server without CJK fonts.
 */
final class DemoImages {

    /** A post's picture, 960 × 540. */
    enum Picture { BOOKS, MEETUP, LAKE, SUNRISE }

    /** A sticker, 160 × 160. */
    enum Sticker { CHECK, STAR, HEART, SUN }

    private DemoImages() {
    }

    static byte[] picture(Picture picture) {
        return png(960, 540, g -> {
            switch (picture) {
                case BOOKS -> books(g);
                case MEETUP -> meetup(g);
                case LAKE -> lake(g);
                case SUNRISE -> sunrise(g);
            }
        });
    }

    static byte[] sticker(Sticker sticker) {
        return png(160, 160, g -> {
            switch (sticker) {
                case CHECK -> {
                    g.setColor(new Color(0x2E9E6A));
                    g.fill(new Ellipse2D.Double(8, 8, 144, 144));
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    var tick = new Path2D.Double();
                    tick.moveTo(46, 82);
                    tick.lineTo(70, 106);
                    tick.lineTo(116, 56);
                    g.draw(tick);
                }
                case STAR -> {
                    g.setColor(new Color(0xF5B700));
                    g.fill(star(80, 84, 72, 30));
                    g.setColor(new Color(0xD48F00));
                    g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(star(80, 84, 72, 30));
                }
                case HEART -> {
                    g.setColor(new Color(0xE5484D));
                    var heart = new Path2D.Double();
                    heart.moveTo(80, 140);
                    heart.curveTo(10, 90, 10, 30, 50, 28);
                    heart.curveTo(66, 27, 76, 38, 80, 50);
                    heart.curveTo(84, 38, 94, 27, 110, 28);
                    heart.curveTo(150, 30, 150, 90, 80, 140);
                    g.fill(heart);
                }
                case SUN -> {
                    g.setColor(new Color(0xFF8A00));
                    g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    for (int i = 0; i < 8; i++) {
                        double a = Math.PI * i / 4;
                        g.drawLine((int) (80 + 52 * Math.cos(a)), (int) (80 + 52 * Math.sin(a)),
                                (int) (80 + 70 * Math.cos(a)), (int) (80 + 70 * Math.sin(a)));
                    }
                    g.setColor(new Color(0xFFB300));
                    g.fill(new Ellipse2D.Double(36, 36, 88, 88));
                }
            }
        });
    }

    private static void books(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xFFF4E0), 0, 540, new Color(0xF2D7B0)));
        g.fillRect(0, 0, 960, 540);
        g.setColor(new Color(0x8B5E3C));
        g.fillRect(0, 440, 960, 100);
        Color[] spines = {new Color(0x2F5D8A), new Color(0xC0392B), new Color(0x3E8E5E), new Color(0xE0A526),
                new Color(0x6C4F9E), new Color(0x1F7A8C)};
        int x = 250;
        for (int i = 0; i < spines.length; i++) {
            int width = 52 + (i * 17) % 30;
            int height = 230 + (i * 41) % 90;
            g.setColor(spines[i]);
            g.fill(new RoundRectangle2D.Double(x, 440 - height, width, height, 6, 6));
            g.setColor(new Color(255, 255, 255, 120));
            g.fillRect(x + 8, 440 - height + 30, width - 16, 6);
            g.fillRect(x + 8, 440 - 40, width - 16, 6);
            x += width + 6;
        }
        // one book leaning on the row
        var leaning = g.getTransform();
        g.rotate(Math.toRadians(-14), x + 40, 440);
        g.setColor(new Color(0xD35400));
        g.fill(new RoundRectangle2D.Double(x + 10, 180, 58, 260, 6, 6));
        g.setTransform(leaning);
        // a coffee cup
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(110, 360, 90, 80, 18, 18));
        g.setColor(new Color(0x6F4E37));
        g.fill(new Ellipse2D.Double(118, 356, 74, 16));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(10));
        g.draw(new Ellipse2D.Double(186, 378, 36, 36));
    }

    private static void meetup(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xE8F1FB), 0, 540, new Color(0xC9DCF2)));
        g.fillRect(0, 0, 960, 540);
        // a screen on the wall
        g.setColor(new Color(0x2C3E50));
        g.fill(new RoundRectangle2D.Double(330, 50, 300, 170, 12, 12));
        g.setColor(new Color(0x5DADE2));
        g.fillRect(350, 70, 260, 130);
        g.setColor(Color.WHITE);
        g.fillRect(370, 95, 150, 12);
        g.fillRect(370, 120, 200, 10);
        g.fillRect(370, 142, 180, 10);
        // the table and the people around it
        g.setColor(new Color(0x9C6B3E));
        g.fill(new RoundRectangle2D.Double(200, 330, 560, 110, 60, 60));
        Color[] shirts = {new Color(0xE67E22), new Color(0x16A085), new Color(0x8E44AD), new Color(0xC0392B),
                new Color(0x2980B9), new Color(0xF1C40F), new Color(0x27AE60)};
        for (int i = 0; i < shirts.length; i++) {
            int cx = 240 + i * 80;
            g.setColor(shirts[i]);
            g.fill(new RoundRectangle2D.Double(cx - 30, 270, 60, 70, 30, 30));
            g.setColor(new Color(0xF3C9A5));
            g.fill(new Ellipse2D.Double(cx - 20, 226, 40, 40));
        }
    }

    private static void lake(Graphics2D g) {
        g.setColor(new Color(0xCFE8C7));
        g.fillRect(0, 0, 960, 540);
        var water = new GeneralPath();
        water.moveTo(160, 140);
        water.curveTo(300, 40, 640, 60, 780, 150);
        water.curveTo(900, 240, 820, 420, 620, 450);
        water.curveTo(420, 490, 180, 440, 140, 320);
        water.curveTo(110, 240, 120, 180, 160, 140);
        g.setColor(new Color(0x7FB8E6));
        g.fill(water);
        // the causeway across the lake
        g.setColor(new Color(0xA8D08D));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        var causeway = new Path2D.Double();
        causeway.moveTo(330, 70);
        causeway.curveTo(360, 200, 330, 330, 380, 470);
        g.draw(causeway);
        // the running route, dashed, with start and finish
        g.setColor(new Color(0xE74C3C));
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {18, 14}, 0));
        var route = new Path2D.Double();
        route.moveTo(700, 110);
        route.curveTo(560, 50, 380, 50, 335, 90);
        route.curveTo(360, 220, 330, 330, 380, 460);
        route.curveTo(520, 500, 700, 470, 800, 360);
        g.draw(route);
        g.setColor(new Color(0x2E9E6A));
        g.fill(new Ellipse2D.Double(686, 96, 28, 28));
        g.setColor(new Color(0xC0392B));
        g.fill(new Ellipse2D.Double(786, 346, 28, 28));
        // trees along the shore
        g.setColor(new Color(0x3E8E5E));
        for (int i = 0; i < 9; i++) {
            g.fill(new Ellipse2D.Double(60 + i * 100, 480 + (i % 2) * 14, 44, 44));
        }
    }

    private static void sunrise(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xFFB37A), 0, 360, new Color(0xFFE3B3)));
        g.fillRect(0, 0, 960, 540);
        g.setColor(new Color(0xFFF1C1));
        g.fill(new Ellipse2D.Double(560, 170, 170, 170));
        var hills = new GeneralPath();
        hills.moveTo(0, 360);
        hills.curveTo(160, 250, 300, 300, 420, 330);
        hills.curveTo(560, 260, 760, 250, 960, 340);
        hills.lineTo(960, 540);
        hills.lineTo(0, 540);
        hills.closePath();
        g.setColor(new Color(0x7A9E7E));
        g.fill(hills);
        g.setColor(new Color(0x9EC5E8));
        g.fillRect(0, 420, 960, 120);
        // a path along the water
        g.setColor(new Color(0xEADBC8));
        var path = new GeneralPath();
        path.moveTo(0, 440);
        path.curveTo(300, 400, 600, 470, 960, 420);
        path.lineTo(960, 450);
        path.curveTo(600, 500, 300, 430, 0, 472);
        path.closePath();
        g.fill(path);
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        var star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        return star;
    }

    private static byte[] png(int width, int height, Consumer<Graphics2D> draw) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
