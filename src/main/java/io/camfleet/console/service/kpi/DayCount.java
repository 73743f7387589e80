package io.camfleet.console.service.kpi;

import java.time.LocalDate;

/** How many of something fell on one UTC day. */
public record DayCount(LocalDate day, int count) {
}
