package org.pagewalk.web.lessons;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.web.dom.Js;

/** The built-in scenarios, from scenarios/library.js (window.PAGEWALK_LIBRARY). */
final class Library {
    static final class Entry {
        final String file;
        final String title;
        final String topic;
        final String text;

        Entry(String file, String title, String topic, String text) {
            this.file = file;
            this.title = title;
            this.topic = topic;
            this.text = text;
        }
    }

    private Library() {
    }

    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        int n = Js.libraryLength();
        for (int i = 0; i < n; i++) {
            out.add(new Entry(Js.libraryField(i, "file"), Js.libraryField(i, "title"), Js.libraryField(i, "topic"),
                    Js.libraryField(i, "text")));
        }
        return out;
    }

    static Entry find(String file) {
        for (Entry e : entries()) {
            if (e.file.equals(file) || e.file.equals(file + ".pw")) {
                return e;
            }
        }
        return null;
    }
}
