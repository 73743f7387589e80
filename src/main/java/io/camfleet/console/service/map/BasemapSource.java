package io.camfleet.console.service.map;

/** Port: where the offline basemap comes from (Natural Earth, bundled). */
public interface BasemapSource {

    /** Loads one level of detail; may take a moment the first time, so call it off the UI thread. */
    Basemap load(Basemap.Detail detail);
}
