namespace PlacementBroker.Benchmarks;

/// <summary>
/// What one harness run measures and how much of it. <see cref="For"/> gives the published sizes: Quick (the
/// <c>--quick</c> run), Full, and Tiny (the test's, scaled down so it runs in a minute or two).
/// </summary>
public sealed record HarnessOptions
{
    public DataSize Size { get; init; } = DataSize.Full;
    public DatabaseKind Database { get; init; } = DatabaseKind.Sqlite;
    /// <summary>The data set's database; null for SQLite means the size's file under benchmarks/.data.</summary>
    public string? Connection { get; init; }
    public string OutputDirectory { get; init; } = "harness-results";
    /// <summary>When set, the host uses this Redis for its SignalR backplane and rate limits.</summary>
    public string? Redis { get; init; }

    /// <summary>Referrals drawn from the data set for the matching measure (each ranked and matched once, after a warm-up).</summary>
    public int MatchingReferrals { get; init; } = 400;
    /// <summary>Referrals of the sample run once before the measure (service and baseline), uncounted.</summary>
    public int MatchingWarmUp { get; init; } = 10;
    /// <summary>The most time the matching measure may take (warm-up apart); it stops early, and says so, beyond it.</summary>
    public TimeSpan MatchingBudget { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>The most time the sufficiency measure may take (warm-up apart); it stops early, and says so, beyond it.</summary>
    public TimeSpan SufficiencyBudget { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Times the whole-DPS sufficiency report is run (and its baseline), after a warm-up.</summary>
    public int SufficiencyRuns { get; init; } = 30;
    /// <summary>Provider users listening on the hub (one connection each), all admitted to one lot.</summary>
    public int Providers { get; init; } = 300;
    /// <summary>Hub connections in all: the providers', the officer's, and other officers' to make up the number.</summary>
    public int Connections { get; init; } = 1_000;
    /// <summary>Connections per account of the officers who make up the connections (several tabs open each): fewer sign-ins.</summary>
    public int OtherConnectionsPerAccount { get; init; } = 10;
    /// <summary>Referrals published for the fan-out measure, one after another.</summary>
    public int FanOutReferrals { get; init; } = 30;
    /// <summary>Offers made one after another for the offer-to-officer measure.</summary>
    public int OfficerOffers { get; init; } = 300;
    /// <summary>The most time the fan-out measure, and the offer-to-officer measure, may each take; each stops early, and says so, beyond it.</summary>
    public TimeSpan LiveMeasureBudget { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Concurrent offer submitters for the throughput measure.</summary>
    public int Submitters { get; init; } = 16;
    public TimeSpan ThroughputDuration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Referrals published before the throughput measure so that every offer is a distinct (referral, vacancy).</summary>
    public int ThroughputReferrals { get; init; } = 40;
    /// <summary>Open vacancies added to the lot per listening provider, taking any child, for the offers.</summary>
    public int VacanciesPerProvider { get; init; } = 3;
    /// <summary>How long a live event may take before the run fails.</summary>
    public TimeSpan EventTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static HarnessOptions For(DataSize size) => size switch
    {
        DataSize.Tiny => new HarnessOptions
        {
            Size = size, MatchingReferrals = 20, MatchingWarmUp = 2, SufficiencyRuns = 3, Providers = 10, Connections = 30, FanOutReferrals = 3, OfficerOffers = 10,
            Submitters = 4, ThroughputDuration = TimeSpan.FromSeconds(3), ThroughputReferrals = 10, VacanciesPerProvider = 2,
        },
        DataSize.Quick => new HarnessOptions
        {
            Size = size, MatchingReferrals = 200, MatchingWarmUp = 3, MatchingBudget = TimeSpan.FromMinutes(3), SufficiencyRuns = 15,
            SufficiencyBudget = TimeSpan.FromMinutes(2), LiveMeasureBudget = TimeSpan.FromMinutes(1.5), FanOutReferrals = 20, OfficerOffers = 200,
            ThroughputDuration = TimeSpan.FromSeconds(30), ThroughputReferrals = 20,
        },
        _ => new HarnessOptions { Size = size },
    };

    /// <summary>
    /// <c>[--quick | --size Tiny|Quick|Full] [--out DIR] [--database Sqlite|PostgreSql] [--connection CS] [--redis HOST:PORT]</c>;
    /// null when the arguments are not the harness's (they go to BenchmarkDotNet).
    /// </summary>
    public static HarnessOptions? Parse(string[] args)
    {
        var known = new HashSet<string> { "--quick", "--size", "--out", "--database", "--connection", "--redis", "--harness" };
        if (args.Length > 0 && !known.Contains(args[0]))
        {
            return null;
        }
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var size = args.Contains("--quick") ? DataSize.Quick
            : Option("--size") is { } s ? Enum.Parse<DataSize>(s, ignoreCase: true) : DataSize.Full;
        return For(size) with
        {
            Database = Option("--database") is { } d ? Enum.Parse<DatabaseKind>(d, ignoreCase: true) : DatabaseKind.Sqlite,
            Connection = Option("--connection"),
            OutputDirectory = Option("--out") ?? "harness-results",
            Redis = Option("--redis"),
        };
    }
}
