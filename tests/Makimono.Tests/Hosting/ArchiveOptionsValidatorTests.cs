using Makimono.Hosting;

namespace Makimono.Tests.Hosting;

public sealed class ArchiveOptionsValidatorTests
{
    [Fact]
    public void Trusted_proxies_are_addresses_or_networks_and_anything_else_is_named_in_the_failure()
    {
        var validator = new ArchiveOptionsValidator();

        var good = validator.Validate(null, new ArchiveOptions { TrustedProxies = ["10.0.0.5", "10.0.0.0/8", "fd00::/8", "::1"] });
        var bad = validator.Validate(null, new ArchiveOptions { TrustedProxies = ["10.0.0.0/8", "proxy.internal", "10.0.0.0/33"] });

        Assert.True(good.Succeeded);
        Assert.True(bad.Failed);
        Assert.Contains("\"proxy.internal\"", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("\"10.0.0.0/33\"", bad.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("\"10.0.0.0/8\"", bad.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_networks_are_addresses_or_networks_and_anything_else_is_named_in_the_failure()
    {
        var validator = new ArchiveOptionsValidator();

        var good = validator.Validate(null, new ArchiveOptions { Metrics = { AllowedNetworks = ["10.0.5.0/24", "::1"] } });
        var bad = validator.Validate(null, new ArchiveOptions { Metrics = { AllowedNetworks = ["prometheus.internal"] } });

        Assert.True(good.Succeeded);
        Assert.Contains("Metrics:AllowedNetworks has \"prometheus.internal\"", bad.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_database_wait_is_refused()
    {
        var failed = new ArchiveOptionsValidator().Validate(null, new ArchiveOptions { Database = { StartupWaitSeconds = -1 } });

        Assert.Contains("Database:StartupWaitSeconds is -1", failed.FailureMessage, StringComparison.Ordinal);
    }
}
