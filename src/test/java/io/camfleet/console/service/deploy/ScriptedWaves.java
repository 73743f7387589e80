package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.common.Problem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A wave runner whose invocations go through the outcomes the test says, one per poll (the last one stays); by
 * default RUNNING, then SUCCEEDED. Polls can be held at RUNNING until the test lets them go.
 */
final class ScriptedWaves implements WaveRunner {

    /** Every command sent, by id, in order. */
    final Map<String, Order> commands = new LinkedHashMap<>();
    final List<Instant> sentAt = new CopyOnWriteArrayList<>();
    final Map<String, List<Outcome>> outcomes = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> polled = new ConcurrentHashMap<>();
    final AtomicInteger polls = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    /** Instead of sending: what the send comes to (a refusal, an unconfirmed send). */
    volatile Function<Order, Dispatch> dispatch;
    volatile Supplier<Map<String, Invocation>> pollProblem;
    volatile RuntimeException findProblem;
    volatile Supplier<Instant> clock = Instant::now;
    volatile int mostPerCommand = Integer.MAX_VALUE;
    /** The cameras each cancel was for, by command id. */
    final Map<String, List<String>> cancels = new ConcurrentHashMap<>();
    /** Cameras whose invocation was polled as ended. */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    /** The most commands with an invocation not ended yet, and the most MaxConcurrency they held together. */
    int mostInFlight;
    int mostConcurrencyInFlight;

    @Override
    public int mostPerCommand() {
        return mostPerCommand;
    }

    @Override
    public void check(Release release, List<List<Target>> waves) {
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        return target.ssmNodeId().isBlank() ? Optional.of("no SSM node id: not sent") : Optional.empty();
    }

    @Override
    public synchronized Dispatch send(Order order) {
        sentAt.add(clock.get());
        if (dispatch != null) {
            return dispatch.apply(order);
        }
        String id = "cmd-" + commands.size();
        commands.put(id, order);
        List<Order> inFlight = commands.values().stream()
                .filter(o -> o.targets().stream().anyMatch(t -> !ended.contains(t.cameraId()))).toList();
        mostInFlight = Math.max(mostInFlight, inFlight.size());
        mostConcurrencyInFlight = Math.max(mostConcurrencyInFlight,
                inFlight.stream().mapToInt(Order::maxConcurrency).sum());
        return new Sent(id);
    }

    /** The cancelled invocations that had not started end NOT_INSTALLED at the next poll. */
    @Override
    public void cancel(String commandId, List<Target> targets) {
        cancels.put(commandId, targets.stream().map(Target::cameraId).toList());
    }

    /** A command as if sent by a console that then stopped. */
    synchronized String sentBefore(Order order) {
        String id = "cmd-" + commands.size();
        commands.put(id, order);
        return id;
    }

    synchronized List<Order> sent() {
        return List.copyOf(commands.values());
    }

    @Override
    public synchronized Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets) {
        if (findProblem != null) {
            throw findProblem;
        }
        return commands.entrySet().stream()
                .filter(e -> e.getValue().deploymentId().equals(deploymentId) && e.getValue().wave() == wave)
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized Optional<String> find(String deploymentId, int wave, int part, Instant since,
                                              List<Target> targets) {
        if (findProblem != null) {
            throw findProblem;
        }
        return commands.entrySet().stream()
                .filter(e -> e.getValue().deploymentId().equals(deploymentId) && e.getValue().wave() == wave
                        && e.getValue().part() == part)
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public Map<String, Invocation> poll(String commandId, List<Target> targets) {
        polls.incrementAndGet();
        if (pollProblem != null) {
            return pollProblem.get();
        }
        Order order;
        synchronized (this) {
            order = commands.get(commandId);
        }
        if (order == null) {
            throw new Problem("ssm.noSuchCommand", commandId);
        }
        boolean held = hold.getCount() > 0;
        Map<String, Invocation> out = new LinkedHashMap<>();
        for (Target t : targets) {
            if (order.targets().stream().noneMatch(o -> o.cameraId().equals(t.cameraId()))) {
                out.put(t.cameraId(), new Invocation(Outcome.NOT_INSTALLED, "not in " + commandId, List.of()));
                continue;
            }
            List<Outcome> script = outcomes.getOrDefault(t.cameraId(), List.of(Outcome.RUNNING, Outcome.SUCCEEDED));
            int n = polled.computeIfAbsent(t.cameraId(), c -> new AtomicInteger()).getAndIncrement();
            Outcome o = held ? Outcome.RUNNING : script.get(Math.min(n, script.size() - 1));
            if (cancels.getOrDefault(commandId, List.of()).contains(t.cameraId()) && o == Outcome.QUEUED) {
                o = Outcome.NOT_INSTALLED;
            }
            if (o.ended()) {
                ended.add(t.cameraId());
            }
            out.put(t.cameraId(), new Invocation(o, o.ended() ? "ended " + o : "", o.ended()
                    ? List.of(t.cameraId() + " says " + o) : List.of()));
        }
        return out;
    }
}
