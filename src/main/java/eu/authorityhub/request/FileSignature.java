package eu.authorityhub.request;

/** Whether a file's first bytes are those of its declared type (the accepted types only). */
final class FileSignature {

    private FileSignature() {
    }

    static boolean matches(byte[] b, String type) {
        return switch (type) {
            case "application/pdf" -> b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
            case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
            default -> false;
        };
    }
}
