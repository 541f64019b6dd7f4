package org.pagewalk.web;

import org.pagewalk.web.exercise.ExercisePage;
import org.pagewalk.web.exercise.LabPage;
import org.pagewalk.web.lessons.Lessons;

/**
 * The entry point of pagewalk-full.js: the main page plus {@code ?exercise=SEED&level=N},
 * {@code ?lab=KEY} and the postMessage API (docs/EMBEDDING.md). static/boot.js loads it for those
 * URLs, for {@code ?embed=}, and whenever another window can send the page messages (it is in a
 * frame, or a page opened it); otherwise nobody can, and the main page's bundle leaves the API,
 * the exercise generator, the labs and their texts out. The WebAssembly build of the page is
 * compiled from this entry point, so one module serves every page URL.
 */
public final class FullMain {
    private FullMain() {
    }

    public static void main(String[] args) {
        Guard.run(() -> Main.start(Lessons::startWithMessages, (app, dom) -> {
            // ?exercise=SEED&level=N builds its own machine over whatever the first state was.
            ExercisePage.start(app, dom);
            LabPage.start(app, dom);
        }));
    }
}
