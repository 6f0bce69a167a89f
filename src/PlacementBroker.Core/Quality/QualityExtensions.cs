namespace PlacementBroker.Core.Quality;

public static class QualityExtensions
{
    /// <summary>QA flags, visits, the timetable and the Ofsted import; matching reads the derived QA status from here.</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services) => services
        .AddScoped<QualityService>()
        .AddScoped<IQaStatusSource>(sp => sp.GetRequiredService<QualityService>())
        .AddScoped<OfstedImportService>()
        .AddScoped<QaReminderJob>();
}
