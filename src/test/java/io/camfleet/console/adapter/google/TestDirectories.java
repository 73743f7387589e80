package io.camfleet.console.adapter.google;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client on the fake whose back-off waits are recorded instead of slept, with short timeouts. */
final class TestDirectories {

    static final GoogleDirectory.Timeouts QUICK = new GoogleDirectory.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    /** The waits the client asked for, in order. */
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    GoogleDirectory open(DeviceSettings settings) {
        return open(settings, QUICK);
    }

    GoogleDirectory open(DeviceSettings settings, GoogleDirectory.Timeouts timeouts) {
        BackOff backOff = new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(32), 6, Duration.ofMinutes(2),
                new Random(12));
        return GoogleDirectory.open(settings, Clock.systemUTC(), timeouts, backOff, slept::add);
    }

    Duration totalSlept() {
        return slept.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Every page of a listing, as they came. */
    static List<DevicePage> pages(GoogleDirectory directory, DeviceType type, DeviceQuery query) {
        List<DevicePage> pages = new ArrayList<>();
        String token = null;
        do {
            DevicePage page = directory.list(type, query, token);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null && pages.size() < 1_000);
        return pages;
    }

    static List<ReviewDevice> devices(List<DevicePage> pages) {
        return pages.stream().flatMap(p -> p.devices().stream()).toList();
    }
}
