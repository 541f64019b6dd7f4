package org.pagewalk.scenario;

/** {@code note TEXT}: narration; reports the text (written in quotes when it holds a #, which would start a comment). */
public final class Note extends Command {
    final String text;

    Note(int line, int column, String source, String text) {
        super(line, column, source);
        this.text = text;
    }

    @Override
    public String command() {
        return "note";
    }

    @Override
    public String toLine() {
        return "note " + (text.indexOf('#') >= 0 ? "\"" + text + "\"" : text);
    }

    @Override
    public boolean isNote() {
        return true;
    }

    @Override
    Report runOn(Executor x, Session s) {
        return x.run(this, s);
    }
}
