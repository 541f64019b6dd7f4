package org.pagewalk.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pagewalk.guest.PageFlags;
import org.pagewalk.machine.ControlRegisterBits;

/**
 * The names a scenario may use: fixed constants (flags, CR bits, CeanOS addresses), names that
 * need a booted CeanOS (initial_page_dir, KERNEL_MALLOC, pageDirs), and variables assigned on
 * earlier lines (checked when the scenario is parsed, so a typo is caught before anything runs).
 */
final class Names {
    static final String FLAG_LIST = "PRESENT, WRITE, USER, PWT, PCD, ACCESSED, DIRTY, PS, GLOBAL, OWNER";
    static final String CONSTANT_LIST = "PE, WP, PG, PSE, PGE, KERNEL_START, REC_PAGEDIR, REC_PAGETABLES, "
            + "initial_page_dir, KERNEL_MALLOC, pageDirs";

    static final Map<String, Integer> FIXED = new HashMap<>();
    static final Set<String> GUEST = new HashSet<>();

    static {
        for (String f : org.pagewalk.text.Split.on(FLAG_LIST.replace(" ", ""), ',')) {
            FIXED.put(f, PageFlags.byName(f));
        }
        FIXED.put("PE", ControlRegisterBits.CR0_PE);
        FIXED.put("WP", ControlRegisterBits.CR0_WP);
        FIXED.put("PG", ControlRegisterBits.CR0_PG);
        FIXED.put("PSE", ControlRegisterBits.CR4_PSE);
        FIXED.put("PGE", ControlRegisterBits.CR4_PGE);
        FIXED.put("KERNEL_START", 0xC0000000);
        FIXED.put("REC_PAGEDIR", 0xFFFFF000);
        FIXED.put("REC_PAGETABLES", 0xFFC00000);
        GUEST.add("initial_page_dir");
        GUEST.add("KERNEL_MALLOC");
        GUEST.add("pageDirs");
    }

    private final Set<String> variables = new HashSet<>();

    boolean isKnown(String name) {
        return FIXED.containsKey(name) || name.equals("result") || canonical(name) != null || GUEST.contains(name) || variables.contains(name);
    }

    static boolean isReserved(String name) {
        return FIXED.containsKey(name) || GUEST.contains(name) || name.equals("result") || canonical(name) != null;
    }

    /** PAGE_FLAG_WRITE and the like, as CeanOS's header spells them, mean WRITE and so on. */
    static String canonical(String name) {
        if (name.startsWith("PAGE_FLAG_") && FIXED.containsKey(name.substring(10))) {
            return name.substring(10);
        }
        return null;
    }

    void forgetVariables() {
        variables.clear();
    }

    void define(String name) {
        variables.add(name);
    }
}
