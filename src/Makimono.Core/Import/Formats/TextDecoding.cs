using System.Text;

namespace Makimono.Import.Formats;

/// <summary>Text from a file's bytes, with the encoding used and whether it had to be guessed.</summary>
public sealed record DecodedText(string Text, string Encoding, bool Guessed);

/// <summary>
/// Finds the encoding of a text file: a BOM decides; without one, NUL bytes at every other position mean
/// UTF-16, valid UTF-8 is UTF-8, and anything else is read as Windows-1252, which is then a guess.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
            return new(System.Text.Encoding.GetEncoding(1252).GetString(bytes), "windows-1252", Guessed: true);
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
}
