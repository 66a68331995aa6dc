package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.inbound.email.InstructionText.Cut;
import java.util.regex.Pattern;

/**
 * The lines where mail clients start quoted history, a forwarded message or a signature, in
 * English, German, French, Spanish, Dutch, Italian and Portuguese.
 */
final class QuoteMarkers {
    /** "On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "Op … schreef …:" … */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.{1,300}\\swrote|Am\\s.{1,300}\\sschrieb.{0,300}|Le\\s.{1,300}\\sa\\s+écrit"
                    + "|El\\s.{1,300}\\sescribió|Op\\s.{1,300}\\sschreef.{0,300}|Il\\s.{1,300}\\sha\\s+scritto"
                    + "|Em\\s.{1,300}\\sescreveu|.{1,300}@.{1,300}\\s(wrote|schrieb|a\\s+écrit|escribió|schreef).{0,300})"
                    + "[\\s\\u00a0]*:[\\s\\u00a0]*$");
    private static final Pattern OPENER = Pattern.compile("^\\s*(On|Am|Le|El|Op|Il|Em)\\s.*");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
                    + "|Oorspronkelijk bericht|Messaggio originale|Mensagem original)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARDED = Pattern.compile(
            "^\\s*(-{2,}\\s*(Forwarded message|Forwarded Message|Weitergeleitete Nachricht|Message transféré"
                    + "|Mensaje reenviado|Doorgestuurd bericht|Messaggio inoltrato|Mensagem encaminhada)\\s*-{2,}"
                    + "|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié\\s?:"
                    + "|Inicio del mensaje reenviado:|Begin doorgestuurd bericht:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    /** The first line of an Outlook header block: From / Von / De / Van / Da. */
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De|Van|Da)[\\s\\u00a0]?:\\*?\\s+\\S.*$");
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Subject|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Enviado(\\sel)?|Fecha|Para"
                    + "|Asunto|Verzonden|Aan|Onderwerp|Inviato|Data|A|Oggetto)[\\s\\u00a0]?:\\*?\\s.*$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s*(Sent from my\\s|Sent from\\s(Outlook|Mail|Yahoo|Samsung)|Get Outlook for\\s|Von meinem\\s.{1,40}gesendet"
                    + "|Gesendet von meinem\\s|Envoyé de mon\\s|Envoyé depuis\\s|Enviado desde mi\\s|Verstuurd vanaf mijn\\s"
                    + "|Inviato da\\s|Enviado do meu\\s).{0,60}$",
            Pattern.CASE_INSENSITIVE);

    private QuoteMarkers() {
    }

    /** What starts at line {@code i}, or {@link Cut#NONE} when it is ordinary text. */
    static Cut cutAt(String[] lines, int i) {
        String line = lines[i];
        if (line.equals("-- ") || line.equals("--") || MOBILE_SIGNATURE.matcher(line).matches()) {
            return Cut.SIGNATURE;
        }
        if (FORWARDED.matcher(line).matches()) {
            return Cut.FORWARD;
        }
        if (ORIGINAL.matcher(line).matches() || UNDERSCORES.matcher(line).matches()
                || ATTRIBUTION.matcher(line).matches() || wrappedAttribution(lines, i) || outlookHeader(lines, i)) {
            return Cut.QUOTE;
        }
        return Cut.NONE;
    }

    /** An attribution some clients wrap over two or three lines ("On Mon, … <a@b>\nwrote:"). */
    private static boolean wrappedAttribution(String[] lines, int i) {
        if (!OPENER.matcher(lines[i]).matches() || lines[i].length() > 300) {
            return false;
        }
        String joined = lines[i];
        for (int j = i + 1; j < Math.min(lines.length, i + 3); j++) {
            joined = joined.stripTrailing() + " " + lines[j].strip();
            if (ATTRIBUTION.matcher(joined).matches()) {
                return true;
            }
        }
        return false;
    }

    /** "From: …" followed within four lines by "Sent:", "Date:", "To:" or "Subject:" (or their translations). */
    private static boolean outlookHeader(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
            if (HEADER_NEXT.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }
}
