package io.camfleet.console.adapter.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled list of world cities ({@code world-cities.csv}): Natural Earth populated places, public domain.
 */
public final class WorldCities {

    private static final String RESOURCE = "world-cities.csv";

    private WorldCities() {
    }

    public static List<WorldCity> load() {
        try (InputStream in = WorldCities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<WorldCity> out = new ArrayList<>(512);
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 8) {
                    throw new IllegalStateException(RESOURCE + " line " + n + " has " + f.length + " fields, not 8");
                }
                out.add(new WorldCity(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        f[6], Long.parseLong(f[7])));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
