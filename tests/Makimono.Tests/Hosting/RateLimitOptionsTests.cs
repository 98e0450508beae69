using Makimono.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Makimono.Tests.Hosting;

public sealed class RateLimitOptionsTests
{
    [Theory]
    [InlineData("RateLimits:SignUpsPerHour", "0")]
    [InlineData("RateLimits:LoginsPer20Seconds", "-1")]
    public async Task A_limit_below_one_fails_the_start_checks_with_the_setting_named(string setting, string value)
    {
        var data = Directory.CreateTempSubdirectory("makimono-limits-").FullName;
        await using var app = ArchiveWebApp.Build(new Dictionary<string, string?> { ["Data"] = data, [setting] = value }, urls: null, hostArgs: []);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{setting} must be a whole number from 1", error.Message, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }
}
