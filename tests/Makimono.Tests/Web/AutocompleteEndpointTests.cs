using System.Net;
using System.Text.Json;
using Makimono.Tags.Autocomplete;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class AutocompleteEndpointTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Answers_json_suggestions_of_the_asked_type_and_refuses_an_unknown_type()
    {
        await archive.CreateUserAsync("completer");
        using var client = await archive.LoggedInAsync("completer");
        await client.PostWorkAsync("Completion Fic", fandom: "Completion Fandom", characters: "Umino Iruka");

        // Posting marked the index stale; the next lookup rebuilds it in the background, this waits for that.
        await archive.Services.GetRequiredService<TagAutocomplete>().RefreshIfDueAsync();
        var (status, body) = await archive.Guest().GetAsync("/tags/autocomplete?type=character&term=iru");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Umino Iruka", only.GetProperty("name").GetString());
        Assert.Equal("character", only.GetProperty("type").GetString());
        Assert.Equal(1, only.GetProperty("uses").GetInt32());
        Assert.Equal("[]", (await archive.Guest().GetAsync("/tags/autocomplete?type=fandom&term=iru")).Body);
        Assert.Equal(HttpStatusCode.BadRequest, (await archive.Guest().GetAsync("/tags/autocomplete?type=ninja&term=iru")).Status);
    }
}
