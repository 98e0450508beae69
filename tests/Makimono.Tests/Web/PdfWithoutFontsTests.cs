using System.Net;
using Makimono.Exports;
using Makimono.Exports.Pdf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Tests.Web;

/// <summary>An archive whose PDF fonts are missing: its fonts are looked for in an empty folder.</summary>
public sealed class NoFontsArchive : ArchiveFactory
{
    private readonly string _emptyFonts = Directory.CreateTempSubdirectory("makimono-nofonts-").FullName;

    protected override void ConfigureArchive(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton(new DownloadCache(pdfFonts: () => PdfFonts.Locate([_emptyFonts]))));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The host disposes the factory both synchronously and asynchronously, so this runs twice.
        if (Directory.Exists(_emptyFonts))
        {
            Directory.Delete(_emptyFonts);
        }
    }
}

/// <summary>Without its fonts, the PDF link says so instead of serving a PDF without text; the other formats work.</summary>
public sealed class PdfWithoutFontsTests(NoFontsArchive archive) : IClassFixture<NoFontsArchive>
{
    [Fact]
    public async Task The_pdf_link_answers_503_with_a_clear_message_and_the_epub_still_downloads()
    {
        await archive.CreateUserAsync("nofonts_writer");
        using var creator = await archive.LoggedInAsync("nofonts_writer");
        var id = await creator.PostWorkAsync("Unprintable Lanterns");
        using var guest = archive.Guest();
        var page = await guest.PageAsync($"/works/{id}");
        Uri Link(string label) => new(page.Address, page.Document.QuerySelectorAll("nav.downloads a[href]").Single(a => a.TextContent.Trim() == label).GetAttribute("href")!);

        using var pdf = await guest.Http.GetAsync(Link("Download PDF"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fonts they need are not installed", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(pdf.Headers.CacheControl?.NoStore);

        using var epub = await guest.Http.GetAsync(Link("Download EPUB"));
        Assert.Equal(HttpStatusCode.OK, epub.StatusCode);
        Assert.Equal("application/epub+zip", epub.Content.Headers.ContentType!.MediaType);
    }
}
