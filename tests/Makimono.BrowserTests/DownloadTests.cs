using Makimono.Tests.Exports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>A reader downloads a work's EPUB from its page, and the file is a valid EPUB.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class DownloadTests(ArchiveFixture archive)
{
    [Fact]
    public async Task A_reader_downloads_the_epub_from_the_work_page()
    {
        var page = await archive.NewPageAsync();
        try
        {
            await page.GotoAsync(archive.SeedWorkPath);
            var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Download" }).GetByRole(AriaRole.Link, new() { Name = "Download EPUB" });
            await Expect(link).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal("Letters Folded Into Cranes - inkwell.epub", download.SuggestedFilename);
            var file = Path.Combine(ArchiveFixture.ResultsDirectory, download.SuggestedFilename);
            await download.SaveAsAsync(file);
            var epub = await File.ReadAllBytesAsync(file);
            await EpubCheck.AssertValidAsync(epub, "the EPUB downloaded from the work page");
            // The book is this work: both chapters are in it.
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(epub));
            Assert.Contains(zip.Entries, e => e.FullName == "EPUB/chapter-002.xhtml");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
