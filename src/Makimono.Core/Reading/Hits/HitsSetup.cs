using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Reading.Hits;

public static class HitsSetup
{
    /// <summary>
    /// The buffer the work page adds to, the service that writes it, and the statistics' reader of the change log
    /// (for hosts that serve pages).
    /// </summary>
    public static IServiceCollection AddHits(this IServiceCollection services)
    {
        services.AddOptions<HitOptions>().BindConfiguration(HitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HitBuffer>();
        services.AddSingleton<VisitorKeys>();
        services.AddSingleton<HitService>();
        services.AddHostedService(sp => sp.GetRequiredService<HitService>());
        services.AddHostedService<Stats.StatsRollupService>();
        return services;
    }
}
