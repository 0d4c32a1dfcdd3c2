package org.shequn.shared.files;

/**
 * Where a PNG, JPEG or GIF file's picture ends, found by walking its structure. Bytes after that end are
 * no part of the picture: a file with an HTML, script or ZIP tail is a polyglot made on purpose, refused even
 * where we re-encode (and so would drop the tail) because the upload itself is hostile. Looking only at the
 * last bytes is not enough: a tail can end with a GIF trailer or a JPEG end marker of its own.
 */
public final class ImageEnd {

    /** The walk met bytes that cannot be the picture's structure: something else follows its start. */
    public static final int FOREIGN = -1;
    /** The structure runs past the end of the file: a cut-off picture, for the decoder to judge. */
    public static final int TRUNCATED = -2;

    private ImageEnd() {
    }

    /**
     * False if the bytes start as a PNG, JPEG or GIF and carry something that is not that picture: bytes after
     * its end (a JPEG may be padded with zeros) or foreign bytes inside its structure. A cut-off picture, or
     * bytes that are no picture at all, are left to the decoder, which refuses them with its own message.
     */
    public static boolean endsCleanly(byte[] b) {
        int end;
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            end = pngEnd(b);
        } else if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            end = gifEnd(b);
        } else if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            end = jpegEnd(b);
            while (end > 0 && end < b.length && b[end] == 0) {
                end++;
            }
        } else {
            return true;
        }
        return end == b.length || end == TRUNCATED;
    }

    /** Offset just past a PNG's IEND chunk, or {@link #TRUNCATED}. */
    static int pngEnd(byte[] b) {
        long at = 8;
        while (at + 12 <= b.length) {
            int i = (int) at;
            long length = ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean end = b[i + 4] == 'I' && b[i + 5] == 'E' && b[i + 6] == 'N' && b[i + 7] == 'D';
            at += 12 + length;
            if (end) {
                return at <= b.length ? (int) at : TRUNCATED;
            }
        }
        return TRUNCATED;
    }

    /** Offset just past a GIF's trailer (0x3B), walking its blocks, or {@link #FOREIGN} or {@link #TRUNCATED}. */
    public static int gifEnd(byte[] b) {
        if (b.length < 14) {
            return TRUNCATED;
        }
        int at = 13;
        int flags = b[10] & 0xff;
        if ((flags & 0x80) != 0) {
            at += 3 << ((flags & 7) + 1);
        }
        while (at >= 0 && at < b.length) {
            int block = b[at] & 0xff;
            if (block == 0x3b) {
                return at + 1;
            } else if (block == 0x21) {
                at = subBlocks(b, at + 2);
            } else if (block == 0x2c) {
                if (at + 10 > b.length) {
                    return TRUNCATED;
                }
                int local = b[at + 9] & 0xff;
                at += 10;
                if ((local & 0x80) != 0) {
                    at += 3 << ((local & 7) + 1);
                }
                at = subBlocks(b, at + 1); // past the LZW minimum code size byte
            } else {
                return FOREIGN;
            }
        }
        return TRUNCATED;
    }

    /** Past a chain of data sub-blocks (each a length byte, then that many bytes; a zero length ends it). */
    private static int subBlocks(byte[] b, int at) {
        while (at < b.length) {
            int size = b[at] & 0xff;
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
        return TRUNCATED;
    }

    /**
     * Offset just past a JPEG's end-of-image marker, or {@link #FOREIGN} or {@link #TRUNCATED}. Segments are skipped by their lengths (an EXIF
     * thumbnail's own end marker inside one is no end); after a start-of-scan, the compressed data runs to
     * the next marker that is neither a stuffed 0xFF00 nor a restart marker.
     */
    static int jpegEnd(byte[] b) {
        int at = 2;
        while (at + 1 < b.length) {
            if ((b[at] & 0xff) != 0xff) {
                return FOREIGN;
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xd9) {
                return at + 2;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            if (at + 3 >= b.length) {
                return TRUNCATED;
            }
            int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            if (length < 2) {
                return FOREIGN;
            }
            at += 2 + length;
            if (marker == 0xda) {
                at = scanEnd(b, at);
            }
        }
        return TRUNCATED;
    }

    /** The offset of the first marker after compressed scan data starting at {@code at}. */
    private static int scanEnd(byte[] b, int at) {
        while (at + 1 < b.length) {
            if ((b[at] & 0xff) == 0xff) {
                int next = b[at + 1] & 0xff;
                if (next != 0 && !(next >= 0xd0 && next <= 0xd7) && next != 0xff) {
                    return at;
                }
            }
            at++;
        }
        return b.length;
    }
}
