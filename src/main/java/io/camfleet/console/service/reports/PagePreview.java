package io.camfleet.console.service.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The first pages of a PDF as PNG pictures, for the screen's preview. */
public interface PagePreview {

    /**
     * @param pages at most this many, from the first
     * @param dpi   the resolution (72 is the page's own size in points)
     * @return PNG bytes, one per page
     */
    List<byte[]> pages(Path pdf, int pages, int dpi) throws IOException;
}
