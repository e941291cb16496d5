package dev.callx.provider;

/**
 * How an endpoint pages.
 *
 * @param pageParam   the page number's query parameter, or null when the endpoint has no paging
 * @param sizeParam   the page size's query parameter
 * @param firstPage   the first page number (1, or 0 for Zudu)
 * @param defaultSize the size callx asks for: the platform's maximum where it documents one
 * @param maxSize     the documented maximum, or 0 when the platform documents none
 */
public record Paging(String pageParam, String sizeParam, long firstPage, int defaultSize, int maxSize) {
    public static final Paging NONE = new Paging(null, null, 1, 1, 0);

    public boolean paged() {
        return pageParam != null;
    }
}
