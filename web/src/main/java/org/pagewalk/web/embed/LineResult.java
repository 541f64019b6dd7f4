package org.pagewalk.web.embed;

import org.pagewalk.machine.AccessResult;
import org.pagewalk.machine.PageFault;
import org.pagewalk.machine.Translation;
import org.pagewalk.scenario.ExpectOutcome;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Hex;
import org.pagewalk.text.Printable;

/**
 * One line's result as the API sends it (docs/EMBEDDING.md, "Results"): its status, line and
 * column, and for a read, write or translate the access as numbers a grader compares (physical
 * address, TLB hit, page size, or the fault's error code bits and CR2) and for an expect the values
 * it compared, read from the core's typed outcomes, never from the sentence.
 */
final class LineResult {
    private static final int PAGE_4K = 4096;
    private static final int PAGE_4M = 4 * 1024 * 1024;

    private LineResult() {
    }

    static String json(StepResult r) {
        Json j = Json.object()
                .number("line", r.line())
                .number("column", r.column())
                .text("source", Printable.shown(r.source().trim(), Printable.LINE))
                .text("status", status(r.status()))
                .text("message", r.message());
        AccessResult a = r.access();
        if (a != null) {
            j.raw("access", access(a));
        }
        if (r.expect() != null) {
            j.raw("expect", expect(r.expect()));
        }
        return j.toString();
    }

    static String status(StepResult.Status s) {
        switch (s) {
            case PASSED:
                return "passed";
            case FAILED:
                return "failed";
            case ERROR:
                return "error";
            default:
                return "ok";
        }
    }

    private static String access(AccessResult a) {
        PageFault f = a.fault();
        if (f != null) {
            return Json.object().flag("fault", true).flag("hit", false).raw("pageFault", fault(f)).toString();
        }
        Translation t = a.translation();
        return Json.object()
                .flag("fault", false)
                .text("linear", Hex.hex32(t.linear()))
                .text("physical", Hex.hex32(t.physical()))
                .flag("hit", a.hit())
                .number("pageSize", t.isLargePage() ? PAGE_4M : PAGE_4K)
                .toString();
    }

    private static String fault(PageFault f) {
        int code = f.errorCode();
        Json bits = Json.object()
                .flag("present", (code & PageFault.P) != 0)
                .flag("write", (code & PageFault.WR) != 0)
                .flag("user", (code & PageFault.US) != 0)
                .flag("reserved", (code & PageFault.RSVD) != 0)
                .flag("instructionFetch", (code & PageFault.ID) != 0);
        return Json.object()
                .number("errorCode", code)
                .raw("errorCodeBits", bits.toString())
                .text("cr2", Hex.hex32(f.linear()))
                .text("level", f.level() == PageFault.LEVEL_PDE ? "pde" : "pte")
                .toString();
    }

    /** An expect's verdict, from the core's typed outcome: its kind, whether it held, the value asserted and the value found. */
    private static String expect(ExpectOutcome o) {
        String kind = o.kind().keyword();
        return Json.object()
                .text("kind", kind.isEmpty() ? "name" : kind)
                .flag("holds", o.holds())
                .text("expected", Printable.shown(o.expected(), Printable.LINE))
                .text("actual", Printable.shown(o.actual(), Printable.LINE))
                .toString();
    }
}
