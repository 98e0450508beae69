using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace Makimono.Import.Formats;

/// <summary>Text from a file's bytes, with the encoding used and whether it had to be guessed.</summary>
public sealed record DecodedText(string Text, string Encoding, bool Guessed);

/// <summary>
/// Finds the encoding of a text, HTML or XHTML file. A BOM decides; without one, NUL bytes at every other
/// position mean UTF-16, and valid UTF-8 is UTF-8, whatever a &lt;meta charset&gt; says. Anything else is an
/// older encoding: the one the file declares (&lt;meta charset&gt;, or the XML declaration) when its bytes decode
/// in it cleanly and the detector (UTF.Unknown, a port of Mozilla's uchardet) is not sure of another; else the
/// detector's, when the bytes decode in it cleanly; else Windows-1252, the encoding of most old English files,
/// when they do in that. Those last two are guesses, and the person is told to check the text. A file that decodes
/// cleanly in none is refused rather than read with replacement characters.
/// </summary>
public static partial class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>How sure the detector must be to overrule what the file declares.</summary>
    private const float OverrulesDeclared = 0.8f;

    /// <summary>Where a &lt;meta charset&gt; or an XML declaration must be: HTML says within the first 1,024 bytes; a little more is allowed.</summary>
    private const int DeclarationWindow = 4096;

    static TextDecoding() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(Utf8(bytes[3..]), "utf-8", Guessed: false);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(System.Text.Encoding.Unicode.GetString(bytes[2..]), "utf-16le", Guessed: false);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", Guessed: false);
        }
        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return utf16;
        }
        if (bytes.Contains((byte)0))
        {
            throw new ImportException("The file contains NUL bytes, so it is not plain text. Save it again as text (UTF-8), or import the original document.");
        }
        try
        {
            return new(StrictUtf8.GetString(bytes), "utf-8", Guessed: false);
        }
        catch (DecoderFallbackException)
        {
            return Legacy(bytes);
        }
    }

    private static DecodedText Legacy(ReadOnlySpan<byte> bytes)
    {
        var declared = DeclaredEncoding(bytes);
        var detected = Detected(bytes);
        if (declared is not null && Clean(bytes, declared) is { } declaredText
            && (detected is null || detected.Value.Confidence < OverrulesDeclared || SameEncoding(detected.Value.Encoding, declared)))
        {
            return new(declaredText, declared.WebName, Guessed: false);
        }
        var windows1252 = System.Text.Encoding.GetEncoding(1252);
        var fallback = Clean(bytes, windows1252);
        if (detected is { } found && Clean(bytes, found.Encoding) is { } detectedText
            && !(fallback is not null && IsLatin(found.Encoding) && NonAsciiLetters(detectedText) <= NonAsciiLetters(fallback)))
        {
            return new(detectedText, found.Encoding.WebName, Guessed: true);
        }
        if (fallback is not null)
        {
            return new(fallback, windows1252.WebName, Guessed: true);
        }
        throw new ImportException((declared is null ? "The file is not UTF-8, and its encoding could not be told: "
                : $"The file says it is {declared.WebName}, but it is not, nor UTF-8, and its encoding could not be told: ")
            + "its bytes read cleanly in no encoding tried (Windows-1252, and any the detector proposed), so it would come out with wrong characters. Open it in an editor that shows it right and save it as UTF-8.");
    }

    /// <summary>The text when every byte decodes in the encoding and none becomes a C1 control character (what a wrong single-byte code page makes of unused bytes).</summary>
    private static string? Clean(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding)
    {
        var strict = System.Text.Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0 || text.Contains('\uFFFD', StringComparison.Ordinal) ? null : text;
    }

    /// <summary>
    /// Single-byte code pages for Latin scripts. On a few accented letters and curly quotes the detector often
    /// names one of them (Central European, Turkish, Baltic…) for what is Windows-1252, the encoding of most old
    /// English files; it wins only when its reading has more letters outside ASCII (Polish "Żółw" in Windows-1250
    /// reads as "¯ó³w" in Windows-1252, symbols where letters were).
    /// </summary>
    private static bool IsLatin(System.Text.Encoding e) =>
        e.CodePage is 1250 or 1252 or 1254 or 1257 or 1258 or 28592 or 28593 or 28594 or 28599 or 28603 or 28605 or 10000 or 10029 or 437 or 850;

    private static int NonAsciiLetters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c > '\u007F' && char.IsLetter(c))
            {
                count++;
            }
        }
        return count;
    }

    private static (System.Text.Encoding Encoding, float Confidence)? Detected(ReadOnlySpan<byte> bytes)
    {
        var best = CharsetDetector.DetectFromBytes(bytes).Detected;
        if (best?.Encoding is not { } encoding || encoding is UTF8Encoding || encoding.CodePage is 1200 or 1201 or 12000 or 12001)
        {
            return null;
        }
        return (Whatwg(encoding), best.Confidence);
    }

    /// <summary>ISO-8859-1 and ASCII are read as Windows-1252, as browsers do: files labelled so use its quotes and dashes at 0x80–0x9F.</summary>
    private static System.Text.Encoding Whatwg(System.Text.Encoding encoding) =>
        encoding.CodePage is 28591 or 20127 ? System.Text.Encoding.GetEncoding(1252) : encoding;

    private static bool SameEncoding(System.Text.Encoding a, System.Text.Encoding b) => a.CodePage == b.CodePage
        // GB2312 and GBK are subsets of GB18030, which is what a file declaring any of them should be read as.
        || (IsChineseSimplified(a) && IsChineseSimplified(b));

    private static bool IsChineseSimplified(System.Text.Encoding e) => e.CodePage is 936 or 54936 or 20936;

    /// <summary>The encoding a &lt;meta charset&gt; or an XML declaration near the start names, when .NET knows it and it is not a Unicode one (the bytes already showed it is not).</summary>
    private static System.Text.Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var start = System.Text.Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationWindow)]);
        var match = MetaCharset().Match(start) is { Success: true } meta ? meta : XmlEncoding().Match(start);
        if (!match.Success)
        {
            return null;
        }
        try
        {
            var encoding = System.Text.Encoding.GetEncoding(match.Groups["name"].Value.Trim());
            // GB2312 and GBK are read as GB18030, their superset, so that characters outside them still decode.
            encoding = IsChineseSimplified(encoding) ? System.Text.Encoding.GetEncoding(54936) : encoding;
            return encoding is UTF8Encoding or UnicodeEncoding || encoding.CodePage is 65000 or 12000 or 12001 ? null : Whatwg(encoding);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportException("The file starts with a UTF-8 mark but is not valid UTF-8. Open it in an editor and save it again as UTF-8.");
        }
    }

    /// <summary>Latin text in UTF-16 has a NUL in every high byte: at odd positions for little-endian, even for big-endian.</summary>
    private static DecodedText? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }
        int evenNuls = 0, oddNuls = 0;
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNuls++;
                }
                else
                {
                    oddNuls++;
                }
            }
        }
        var pairs = sample.Length / 2;
        if (oddNuls > pairs * 0.6 && evenNuls < pairs * 0.05)
        {
            return new(System.Text.Encoding.Unicode.GetString(bytes), "utf-16le", Guessed: true);
        }
        if (evenNuls > pairs * 0.6 && oddNuls < pairs * 0.05)
        {
            return new(System.Text.Encoding.BigEndianUnicode.GetString(bytes), "utf-16be", Guessed: true);
        }
        return null;
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<name>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml\b[^>]*?encoding\s*=\s*["'](?<name>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
