using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>Plain text in any common encoding, through the structure recogniser.</summary>
public static class TextImport
{
    public static ImportedWork Read(string source, ReadOnlySpan<byte> bytes)
    {
        var decoded = TextDecoding.Decode(bytes);
        var work = Read(source, decoded.Text);
        work.Encoding = decoded.Encoding;
        work.EncodingGuessed = decoded.Guessed;
        return work;
    }

    public static ImportedWork Read(string source, string text)
    {
        var work = new ImportedWork { Source = source, Format = "text", Encoding = "utf-8" };
        StructureRecogniser.Recognise(SourceLine.FromPlainText(text), work);
        return work;
    }
}
