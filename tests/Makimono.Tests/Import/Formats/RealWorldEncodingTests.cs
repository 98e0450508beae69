using System.Text;
using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import.Formats;

/// <summary>
/// Old fan fiction files in the encodings they really come in, each written here from a story in a C# string,
/// so the check compares the import with the story itself, not with the importer's own decoding: every word
/// arrives (nothing lost), nothing became U+FFFD or mojibake, and the encoding is named.
/// </summary>
public sealed class RealWorldEncodingTests
{
    static RealWorldEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string English = """
        The Café on Rue Ménard

        Summary: Renée keeps a café; Joël keeps coming back — for the coffee, he says.

        Chapter 1: “The Usual”

        “The usual?” Renée asked, before Joël had even sat down. It was the third Tuesday in a row.

        ‘The usual,’ he said, and smiled the way he always did… as if it were a secret.

        She brought him a café crème and a slice of tarte tatin — on the house, though she didn’t say so.

        Chapter 2: Piñata

        The children’s party next door had a piñata shaped like a donkey. Joël watched it through the window, ½ amused and ½ appalled.

        “Señor,” a small boy said, tugging at his sleeve, “you’re in my seat.”
        """;

    private const string French = """
        La Clé du Grenier

        Résumé : Hélène cherche une clé ; Gaëlle sait où elle est.

        Chapitre 1

        « Où est la clé ? » demanda Hélène. Gaëlle haussa les épaules, l'air innocent.

        Le grenier sentait la poussière et l'été. Derrière la malle, il y avait un cahier à la couverture déchirée.

        Chapitre 2

        « Tu l'avais depuis le début », dit Hélène. Gaëlle rit : « Évidemment. Ça t'a occupée tout l'après-midi. »
        """;

    private const string Japanese = """
        星の見える丘

        第一章　約束

        夏の終わりに、ハルカは丘の上で待っていた。風が強く、草がざわざわと鳴っていた。

        「遅いよ」と彼女は言った。ソウタは息を切らして笑った。

        「ごめん、電車が止まっていたんだ。でも、ちゃんと来たよ」

        二人は並んで座り、空に最初の星が現れるのを待った。町の明かりが一つずつ消えていった。

        第二章　流れ星

        真夜中を過ぎたころ、大きな流れ星が東の空を横切った。ハルカは目を閉じて、何かを願った。

        「何を願ったの」とソウタが聞いた。「秘密」と彼女は答えて、少しだけ笑った。
        """;

    private const string Chinese = """
        灯塔守望者

        第一章　雾

        那天早上，海上起了大雾。林晓站在灯塔顶上，看不见远处的渔船。

        “你在看什么？”老陈在楼梯下问。

        “什么都看不见，”她说，“这才是问题。”

        老陈慢慢爬上来，手里拿着一壶热茶。他们一起等雾散去，谁也没有说话。

        第二章　信号

        中午的时候，雾终于薄了。远处传来三声汽笛，林晓举起信号灯，回了三下。

        “他们回来了，”老陈说。她点点头，眼睛却还看着海面。
        """;

    private const string Russian = """
        Зимний вокзал

        Глава 1

        Поезд опаздывал на два часа. Аня сидела на чемодане и перечитывала письмо, которое знала наизусть.

        «Ты приедешь?» — спросил её голос в трубке. «Приеду», — ответила она, хотя не была уверена.

        Глава 2

        Когда поезд наконец пришёл, на перроне никого не было. Только снег и фонарь, и чья-то забытая варежка.
        """;

    private const string Polish = """
        Żółw w ogrodzie

        Rozdział 1

        Kasia znalazła żółwia pod krzakiem porzeczek. Był mały, zielony i bardzo powolny.

        „Jak się nazywasz?” zapytała. Żółw oczywiście nie odpowiedział, więc nazwała go Łukasz.

        Rozdział 2

        Łukasz zjadał sałatę każdego ranka i spał w pudełku po butach. Dziadek mówił, że żółwie żyją sto lat.
        """;

    public static TheoryData<string, string, string, bool> Files => new()
    {
        // name, story, encoding it is written in, whether the importer can only have guessed it
        { "windows-1252.txt", nameof(English), "windows-1252", true },
        { "iso-8859-1.txt", nameof(French), "iso-8859-1", true },
        { "utf-8-bom.txt", nameof(English), "utf-8-bom", false },
        { "utf-16le-bom.txt", nameof(Japanese), "utf-16le-bom", false },
        { "utf-16be-bom.txt", nameof(Russian), "utf-16be-bom", false },
        { "shift_jis.txt", nameof(Japanese), "shift_jis", true },
        { "gb18030.txt", nameof(Chinese), "gb18030", true },
        { "windows-1251.txt", nameof(Russian), "windows-1251", true },
        { "shift_jis.md", nameof(Japanese), "shift_jis", true },
        { "windows-1250.txt", nameof(Polish), "windows-1250", true },
    };

    [Theory, MemberData(nameof(Files))]
    public void An_old_file_in_its_own_encoding_loses_nothing_and_says_which_encoding(string name, string story, string encoding, bool guessed)
    {
        var text = Story(story);

        var work = FileImport.Read(name, Path.GetExtension(name), Encode(text, encoding));

        AssertIntact(text, work);
        Assert.Equal((ReportedName(encoding), guessed), (work.Encoding, work.EncodingGuessed));
    }

    public static TheoryData<string, string, string, string, bool> HtmlFiles => new()
    {
        // story, the encoding the bytes are in, what the <meta charset> says, the encoding reported, guessed
        { nameof(English), "windows-1252", "windows-1252", "windows-1252", false },
        { nameof(French), "iso-8859-1", "ISO-8859-1", "windows-1252", false },
        { nameof(Japanese), "shift_jis", "Shift_JIS", "shift_jis", false },
        { nameof(Chinese), "gb18030", "gb2312", "gb18030", false },
        // The meta lies: the bytes are what counts.
        { nameof(English), "windows-1252", "utf-8", "windows-1252", true },
        { nameof(English), "utf-8", "iso-8859-1", "utf-8", false },
        { nameof(Japanese), "utf-8", "shift_jis", "utf-8", false },
        { nameof(Japanese), "shift_jis", "windows-1252", "shift_jis", true },
        { nameof(Chinese), "gb18030", "iso-8859-1", "gb18030", true },
        { nameof(Russian), "windows-1251", "utf-8", "windows-1251", true },
    };

    [Theory, MemberData(nameof(HtmlFiles))]
    public void Html_is_read_in_its_real_encoding_whatever_its_meta_charset_says(string story, string encoding, string meta, string reported, bool guessed)
    {
        var text = Story(story);
        var paragraphs = string.Concat(text.Split("\n\n").Select(p => $"<p>{p}</p>\n"));
        var html = $"<!DOCTYPE html>\n<html><head><meta charset=\"{meta}\"></head><body>\n{paragraphs}</body></html>";

        var work = FileImport.Read("story.html", ".html", Encode(html, encoding));

        AssertIntact(text, work);
        Assert.Equal((reported, guessed), (work.Encoding, work.EncodingGuessed));
    }

    [Fact]
    public void An_html_meta_in_the_http_equiv_form_is_read_too()
    {
        var text = Story(nameof(Japanese));
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>{text.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></body></html>";

        var work = FileImport.Read("story.htm", ".htm", Encode(html, "shift_jis"));

        AssertIntact(text, work);
        Assert.Equal(("shift_jis", false), (work.Encoding, work.EncodingGuessed));
    }

    [Fact]
    public void Bytes_that_read_cleanly_in_no_encoding_are_refused_with_what_to_do()
    {
        // Bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), set among plain words so that no
        // multi-byte encoding can read them as characters either.
        var bytes = Encoding.ASCII.GetBytes("A story\n\nIt was a dark night. ").Concat(new byte[] { 0x81, 0x20, 0x8D, 0x20, 0x9D, 0x0A, 0x90, 0x2E, 0xFF, 0x0A })
            .Concat(Encoding.ASCII.GetBytes("And then it was not.\n")).ToArray();

        var e = Assert.Throws<ImportException>(() => FileImport.Read("odd.txt", ".txt", bytes));

        Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", e.Message, StringComparison.Ordinal);
    }

    private static string Story(string name) => name switch
    {
        nameof(English) => English,
        nameof(French) => French,
        nameof(Japanese) => Japanese,
        nameof(Chinese) => Chinese,
        nameof(Russian) => Russian,
        nameof(Polish) => Polish,
        _ => throw new ArgumentException(name),
    };

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => Encoding.GetEncoding(encoding, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text),
    };

    private static string ReportedName(string encoding) => encoding switch
    {
        "utf-8-bom" => "utf-8",
        "utf-16le-bom" => "utf-16le",
        "utf-16be-bom" => "utf-16be",
        "iso-8859-1" => "windows-1252",
        _ => encoding,
    };

    private static void AssertIntact(string story, ImportedWork work)
    {
        NothingLost.Assert(story, work);
        Assert.DoesNotContain(NothingLost.FieldTexts(work), t => t?.Contains('\uFFFD', StringComparison.Ordinal) == true);
    }
}
