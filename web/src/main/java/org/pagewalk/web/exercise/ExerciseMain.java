package org.pagewalk.web.exercise;

import org.pagewalk.web.Guard;
import org.pagewalk.web.Main;

/**
 * The entry point of pagewalk-exercise.js: the main page plus {@code ?exercise=SEED&level=N} and
 * {@code ?lab=KEY}, which static/boot.js loads when the URL asks for one of them. The exercise
 * generator, the labs and their texts stay out of the main page's bundle. The WebAssembly build
 * of the page is compiled from this entry point, so one module serves every page URL.
 */
public final class ExerciseMain {
    private ExerciseMain() {
    }

    public static void main(String[] args) {
        Guard.run(() -> Main.start((app, dom) -> {
            // ?exercise=SEED&level=N builds its own machine over whatever the first state was.
            ExercisePage.start(app, dom);
            LabPage.start(app, dom);
        }));
    }
}
