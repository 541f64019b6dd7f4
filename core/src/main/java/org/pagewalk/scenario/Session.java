package org.pagewalk.scenario;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pagewalk.guest.CeanOs;
import org.pagewalk.guest.GuestConfig;
import org.pagewalk.guest.KernelLayout;
import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.Machine;
import org.pagewalk.machine.MachineConfig;
import org.pagewalk.machine.MachineSnapshot;
import org.pagewalk.trace.TraceListener;

/**
 * What a scenario runs against: the machine, the CeanOS kernel on it (if booted), the
 * variables, and the last call's and last access's results that {@code expect} lines check.
 * The web page keeps one session and sends it scenario lines for every user action.
 */
public final class Session {
    private Machine machine;
    private CeanOs os;
    private final Map<String, Integer> variables = new LinkedHashMap<>();
    private final Map<String, State> checkpoints = new HashMap<>();
    private final TraceListener listener;
    private boolean muted;
    private org.pagewalk.guest.CallResult lastCall;
    private AccessResult lastAccess;

    /** A whole session at one moment (for undo, checkpoints). */
    public static final class State {
        final MachineSnapshot machine;
        final GuestConfig guest;
        final Map<String, Integer> variables;
        final org.pagewalk.guest.CallResult lastCall;
        final AccessResult lastAccess;

        State(Session s) {
            machine = s.machine.snapshot();
            guest = s.os == null ? null : s.os.config();
            variables = new LinkedHashMap<>(s.variables);
            lastCall = s.lastCall;
            lastAccess = s.lastAccess;
        }
    }

    /** A session with a bare default machine; {@code listener} hears every machine it gets. */
    public Session(TraceListener listener) {
        this.listener = listener;
        install(new Machine(MachineConfig.DEFAULT), null);
    }

    public Session() {
        this(null);
    }

    public Machine machine() {
        return machine;
    }

    /** The CeanOS kernel, or {@code null} on a bare machine. */
    public CeanOs os() {
        return os;
    }

    public Map<String, Integer> variables() {
        return new LinkedHashMap<>(variables);
    }

    public org.pagewalk.guest.CallResult lastCall() {
        return lastCall;
    }

    public AccessResult lastAccess() {
        return lastAccess;
    }

    void install(Machine m, CeanOs kernel) {
        if (machine != null && listener != null && !muted) {
            machine.trace().detach(listener);
        }
        machine = m;
        os = kernel;
        if (listener != null && !muted) {
            m.trace().attach(listener);
        }
    }

    /**
     * While muted the listener hears nothing, from this machine or any the session boots: a
     * restore replays thousands of actions whose events nobody shows, and with no listener the
     * machine and the guest skip building their texts.
     */
    void mute(boolean on) {
        if (on == muted || listener == null) {
            muted = on;
            return;
        }
        if (on) {
            machine.trace().detach(listener);
        } else {
            machine.trace().attach(listener);
        }
        muted = on;
    }

    void bootCeanOs(Machine m, GuestConfig config) {
        install(m, null);
        os = CeanOs.boot(m, config);
        variables.clear();
        lastCall = null;
        lastAccess = null;
    }

    void bootBare(Machine m) {
        install(m, null);
        variables.clear();
        lastCall = null;
        lastAccess = null;
    }

    void attach(GuestConfig config) {
        os = CeanOs.attach(machine, config);
    }

    void called(org.pagewalk.guest.CallResult r) {
        lastCall = r;
    }

    void accessed(AccessResult r) {
        lastAccess = r;
    }

    void set(String name, int value) {
        variables.put(name, value);
    }

    Integer lookup(String name) {
        String canonical = Names.canonical(name);
        Integer fixed = Names.FIXED.get(canonical != null ? canonical : name);
        if (fixed != null) {
            return fixed;
        }
        if (os != null) {
            switch (name) {
                case "initial_page_dir":
                    return os.initialPageDir();
                case "KERNEL_MALLOC":
                    return os.kernelMalloc();
                case "pageDirs":
                    return KernelLayout.virt(os.layout().pageDirs());
                default:
                    break;
            }
        }
        if (name.equals("result")) {
            return lastCall != null && lastCall.ok() && lastCall.returnsValue() ? lastCall.value() : null;
        }
        return variables.get(name);
    }

    String whyUnavailable(String name) {
        if (name.equals("result")) {
            return "the last CeanOS call returned no value";
        }
        if (Names.GUEST.contains(name)) {
            return "it needs a booted CeanOS: 'boot ceanos' first";
        }
        return "no earlier line set it";
    }

    public State save() {
        return new State(this);
    }

    public void load(State s) {
        if (!s.machine.config().tlb().equals(machine.config().tlb())
                || s.machine.config().ramFrames() != machine.config().ramFrames()) {
            install(Machine.of(s.machine), null);
        } else {
            machine.restore(s.machine);
        }
        os = s.guest == null ? null : CeanOs.attach(machine, s.guest);
        variables.clear();
        variables.putAll(s.variables);
        lastCall = s.lastCall;
        lastAccess = s.lastAccess;
    }

    void checkpoint(String name) {
        checkpoints.put(name, save());
    }

    State checkpointNamed(String name) {
        return checkpoints.get(name);
    }
}
