package org.pagewalk.web.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step (JVM only): turns a document of docs/ (EMBEDDING.md) into a page of the site
 * (help/embedding.html), so the site carries its own help, also from file://. The Markdown is
 * the project's own: headings, paragraphs, fenced code (also indented under a list item), lists,
 * tables, and inline code, bold and links. Everything is escaped; the page has the site's
 * security policy and no script.
 *
 * <p>Usage: {@code HelpPage MARKDOWN_FILE OUTPUT_FILE INDEX_HTML}: the policy is copied from the
 * index page's {@code <meta>} tag, which SecurityPolicyMetaTest keeps equal to the server's.
 */
public final class HelpPage {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern POLICY = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*([^*\\s][^*]*)\\*(?![*\\w])");

    private HelpPage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: HelpPage MARKDOWN_FILE OUTPUT_FILE INDEX_HTML");
        }
        String md = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
        String index = new String(Files.readAllBytes(Paths.get(args[2])), StandardCharsets.UTF_8);
        Matcher policy = POLICY.matcher(index);
        if (!policy.find()) {
            throw new IllegalArgumentException(args[2] + " has no Content-Security-Policy <meta> tag");
        }
        Path out = Paths.get(args[1]);
        Files.createDirectories(out.getParent());
        Files.write(out, page(md, policy.group(1)).getBytes(StandardCharsets.UTF_8));
    }

    static String page(String md, String policy) {
        String[] lines = md.replace("\r", "").split("\n", -1);
        String title = "Pagewalk help";
        StringBuilder body = new StringBuilder();
        String list = null;
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                flush(body, para);
                StringBuilder code = new StringBuilder();
                int indent = line.indexOf('`');
                for (i++; i < lines.length && !lines[i].trim().startsWith("```"); i++) {
                    String c = lines[i];
                    code.append(c.length() >= indent && c.substring(0, indent).isBlank() ? c.substring(indent) : c).append('\n');
                }
                body.append("<pre><code>").append(escape(code.toString())).append("</code></pre>\n");
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(body, para);
                continue;
            }
            if (trimmed.startsWith("#")) {
                flush(body, para);
                list = closeList(body, list);
                int level = 0;
                while (level < trimmed.length() && trimmed.charAt(level) == '#') {
                    level++;
                }
                String text = trimmed.substring(level).trim();
                if (level == 1) {
                    title = text;
                }
                body.append("<h").append(level).append(" id=\"").append(slug(text)).append("\">").append(inline(text))
                        .append("</h").append(level).append(">\n");
                continue;
            }
            if (trimmed.startsWith("|")) {
                flush(body, para);
                list = closeList(body, list);
                body.append("<table>\n");
                boolean head = true;
                for (; i < lines.length && lines[i].trim().startsWith("|"); i++) {
                    String row = lines[i].trim();
                    if (row.matches("\\|[\\s|:-]+\\|")) {
                        continue;
                    }
                    String[] cells = row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1);
                    body.append("<tr>");
                    for (String cell : cells) {
                        String tag = head ? "th" : "td";
                        body.append('<').append(tag).append('>').append(inline(cell.trim())).append("</").append(tag).append('>');
                    }
                    body.append("</tr>\n");
                    head = false;
                }
                i--;
                body.append("</table>\n");
                continue;
            }
            Matcher item = Pattern.compile("^(\\s*)([-*]|\\d+\\.)\\s+(.*)$").matcher(line);
            if (item.matches() && item.group(1).length() < 2) {
                flush(body, para);
                String kind = item.group(2).endsWith(".") ? "ol" : "ul";
                if (!kind.equals(list)) {
                    list = closeList(body, list);
                    body.append('<').append(kind).append(">\n");
                    list = kind;
                }
                StringBuilder text = new StringBuilder(item.group(3));
                while (i + 1 < lines.length && lines[i + 1].startsWith("  ") && !lines[i + 1].trim().isEmpty()
                        && !lines[i + 1].trim().startsWith("```")) {
                    text.append(' ').append(lines[++i].trim());
                }
                body.append("<li>").append(inline(text.toString())).append("</li>\n");
                continue;
            }
            if (list != null && !line.startsWith(" ")) {
                list = closeList(body, list);
            }
            para.append(para.length() == 0 ? "" : " ").append(trimmed);
        }
        flush(body, para);
        closeList(body, list);
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">\n"
                + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "  <meta name=\"color-scheme\" content=\"light dark\">\n"
                + "  <title>" + escape(title) + " · Pagewalk</title>\n"
                + "  <link rel=\"icon\" href=\"../icon.svg\" type=\"image/svg+xml\">\n"
                + "  <link rel=\"stylesheet\" href=\"../style.css\">\n  <link rel=\"stylesheet\" href=\"../embed.css\">\n"
                + "</head>\n<body class=\"help\">\n<main class=\"help-page\">\n"
                + "<p><a href=\"../index.html\">← Pagewalk</a> · <a href=\"../embed-example.html\">the embedding example</a></p>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private static void flush(StringBuilder body, StringBuilder para) {
        if (para.length() > 0) {
            body.append("<p>").append(inline(para.toString())).append("</p>\n");
            para.setLength(0);
        }
    }

    private static String closeList(StringBuilder body, String list) {
        if (list != null) {
            body.append("</").append(list).append(">\n");
        }
        return null;
    }

    /** Inline code first (its text is literal), then links and bold in the rest. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1 && i < parts.length - 1) {
                out.append("<code>").append(escape(parts[i])).append("</code>");
            } else {
                String s = escape(i % 2 == 1 ? "`" + parts[i] : parts[i]);
                s = LINK.matcher(s).replaceAll("<a href=\"$2\">$1</a>");
                s = ITALIC.matcher(s).replaceAll("<em>$1</em>");
                out.append(s);
            }
        }
        // Bold last, on the whole line: **`a file`** is common.
        return BOLD.matcher(out.toString()).replaceAll("<strong>$1</strong>").replace("\\|", "|");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
