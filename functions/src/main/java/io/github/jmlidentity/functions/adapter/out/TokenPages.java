package io.github.jmlidentity.functions.adapter.out;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a list call page by page rather than through the SDK paginator, which would reuse the first request and so
 * its time limit: each page is requested (with the invocation's time left then) only once the previous one is read.
 */
final class TokenPages {

    private TokenPages() {
    }

    /**
     * @param request   one page, for the token of the previous page's end (null for the first)
     * @param nextToken where the page says the next one starts (null or empty on the last page)
     * @return how many pages were read
     */
    static <P> int each(Function<String, P> request, Function<P, String> nextToken, Consumer<P> onPage) {
        int pages = 0;
        String token = null;
        do {
            P page = request.apply(token);
            pages++;
            onPage.accept(page);
            String next = nextToken.apply(page);
            token = next == null || next.isEmpty() ? null : next;
        } while (token != null);
        return pages;
    }
}
