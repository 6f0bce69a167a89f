using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Benchmarks;

/// <summary>
/// A deterministic, national-scale SQLite database: built once through the migrations and raw prepared INSERTs,
/// then reused while its row counts match.
/// </summary>
public static class NationalData
{
    public const int Authorities = 150;
    public const int DpsCount = 3;
    public const int LotsPerDps = 4;
    public const int Providers = 1_500;
    public const int Settings = 4_000;
    public const int OpenVacancies = 15_000;
    public const int Referrals = 30_000;
    public const int Offers = 1_000_000;
    public const int Placements = 10_000;

    /// <summary>The instant the data is generated against; the benchmarks use the same clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static string DatabasePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                dir = dir.Parent;
            }
            var root = dir?.FullName ?? Directory.GetCurrentDirectory();
            return Path.Combine(root, "benchmarks", ".data", "national.db");
        }
    }

    public static string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    public static PlacementBrokerDbContext CreateContext() => new(new DbContextOptionsBuilder<PlacementBrokerDbContext>()
        .UseSqlite(ConnectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.Sqlite"))
        .Options);

    public static void EnsureGenerated()
    {
        if (File.Exists(DatabasePath) && CountsMatch() && !PendingMigrations())
        {
            Console.WriteLine($"// Reusing {DatabasePath}");
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        if (File.Exists(DatabasePath))
        {
            File.Delete(DatabasePath);
        }
        var watch = Stopwatch.StartNew();
        using (var db = CreateContext())
        {
            db.Database.Migrate();
        }
        Generate();
        Console.WriteLine($"// Generated {DatabasePath} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>A file generated before the latest migrations lacks their columns: it is generated again.</summary>
    private static bool PendingMigrations()
    {
        using var db = CreateContext();
        return db.Database.GetPendingMigrations().Any();
    }

    private static bool CountsMatch()
    {
        try
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            long Count(string table)
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                return (long)cmd.ExecuteScalar()!;
            }
            return Count("LocalAuthorities") == Authorities && Count("Providers") == Providers && Count("Settings") == Settings
                && Count("Referrals") == Referrals && Count("Offers") == Offers && Count("Placements") == Placements;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static void Generate()
    {
        var random = new Random(20261123);
        Guid NewId()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        // England, roughly: a point round one of a few population centres.
        (double Lat, double Lon)[] centres = [(51.51, -0.13), (52.48, -1.89), (53.48, -2.24), (53.80, -1.55), (53.41, -2.98), (54.97, -1.61), (51.45, -2.59), (52.95, -1.15), (50.72, -3.53), (52.63, 1.30), (50.91, -1.40), (53.38, -1.47)];
        EnglishRegion[] centreRegions =
        [
            EnglishRegion.London, EnglishRegion.WestMidlands, EnglishRegion.NorthWest, EnglishRegion.YorkshireAndTheHumber, EnglishRegion.NorthWest,
            EnglishRegion.NorthEast, EnglishRegion.SouthWest, EnglishRegion.EastMidlands, EnglishRegion.SouthWest, EnglishRegion.EastOfEngland,
            EnglishRegion.SouthEast, EnglishRegion.YorkshireAndTheHumber,
        ];
        (double, double) Point(double spread) => Located(spread) is var (lat, lon, _) ? (lat, lon) : default;
        (double Lat, double Lon, EnglishRegion Region) Located(double spread)
        {
            var i = random.Next(centres.Length);
            var c = centres[i];
            return (c.Lat + ((random.NextDouble() - 0.5) * spread), c.Lon + ((random.NextDouble() - 0.5) * spread * 1.6), centreRegions[i]);
        }
        var needs = Enum.GetValues<Need>();
        string NeedsJson(int min, int max) => Needs(min, max).Json;
        (string Json, NeedsBand Band) Needs(int min, int max)
        {
            var chosen = needs.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToList();
            return ("[" + string.Join(",", chosen.Select(n => $"\"{n}\"")) + "]", NeedsBands.For(chosen));
        }
        var grades = Enum.GetValues<OfstedGrade>();
        var now = Now.UtcDateTime;
        var yearAgo = now.AddDays(-365);

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Users are not generated: the CreatedByUserId columns point nowhere, so foreign keys are off while writing.
            pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();

        var authorities = new List<Guid>();
        using (var ins = new Inserter(connection, tx, "LocalAuthorities"))
        {
            for (var i = 0; i < Authorities; i++)
            {
                var id = NewId();
                authorities.Add(id);
                ins.Set("Id", id).Set("Code", $"LA{i:000}").Set("Name", $"Authority {i:000}").Set("CreatedAt", now.AddYears(-2)).Insert();
            }
        }
        Console.WriteLine($"// {Authorities} authorities");

        var lots = new List<(Guid Id, Guid DpsId, int Dps)>();
        var dpsAuthorities = new List<Guid>[DpsCount];
        using (var dpsIns = new Inserter(connection, tx, "DynamicPurchasingSystems"))
        using (var partIns = new Inserter(connection, tx, "DpsParticipants"))
        using (var lotIns = new Inserter(connection, tx, "Lots"))
        {
            for (var d = 0; d < DpsCount; d++)
            {
                var id = NewId();
                var lead = authorities[d];
                dpsIns.Set("Id", id).Set("Name", $"Regional DPS {d + 1}").Set("LeadLocalAuthorityId", lead).Set("Regime", DpsRegime.Pcr2015Dps)
                    .Set("Status", DpsStatus.Open).Set("DecisionPeriodDays", 10).Set("CreatedAt", now.AddYears(-2)).Set("PublishedAt", now.AddYears(-2)).Insert();
                dpsAuthorities[d] = [lead];
                // The first DPS is the big, national one; the others regional.
                foreach (var la in authorities.Where((_, i) => i != d && (d == 0 ? i % 3 != 2 : i % 3 == 2 && i % 2 == d - 1)))
                {
                    partIns.Set("DpsId", id).Set("LocalAuthorityId", la).Insert();
                    dpsAuthorities[d].Add(la);
                }
                for (var l = 0; l < LotsPerDps; l++)
                {
                    var lotId = NewId();
                    lots.Add((lotId, id, d));
                    lotIns.Set("Id", lotId).Set("DpsId", id).Set("Name", $"DPS {d + 1} lot {l + 1}").Set("PlacementType", (PlacementType)(l % Enum.GetValues<PlacementType>().Length))
                        .Set("BenchmarkWeeklyPrice", 900m + (l * 1500m)).Insert();
                }
            }
        }
        Console.WriteLine($"// {DpsCount} DPSs, {lots.Count} lots");

        var providers = new List<Guid>();
        var providerLots = new Dictionary<Guid, List<Guid>>();
        using (var ins = new Inserter(connection, tx, "Providers"))
        using (var mIns = new Inserter(connection, tx, "LotMemberships"))
        {
            var types = Enum.GetValues<ProviderType>();
            for (var i = 0; i < Providers; i++)
            {
                var id = NewId();
                providers.Add(id);
                ins.Set("Id", id).Set("Name", $"Provider {i:0000}").Set("ContactEmail", $"provider{i}@example.org").Set("RegisteredAt", now.AddYears(-3))
                    .Set("VerifiedAt", now.AddYears(-3)).Set("VerifiedBy", "Existing").Set("ContactEmailConfirmedAt", now.AddYears(-3))
                    .Set("RegistrationNumber", $"SC{i:000000}").Set("Type", Pick(types)).Insert();
                var mine = lots.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(l => l.Id).ToList();
                providerLots[id] = mine;
                foreach (var lot in mine)
                {
                    mIns.Set("Id", NewId()).Set("LotId", lot).Set("ProviderId", id).Set("Status", random.Next(20) == 0 ? MembershipStatus.Suspended : MembershipStatus.Admitted)
                        .Set("AdmittedAt", now.AddYears(-2)).Insert();
                }
            }
        }
        Console.WriteLine($"// {Providers} providers");

        var settings = new List<(Guid Id, Guid ProviderId)>();
        using (var ins = new Inserter(connection, tx, "Settings"))
        {
            for (var i = 0; i < Settings; i++)
            {
                var id = NewId();
                var provider = i < Providers ? providers[i] : Pick(providers);
                settings.Add((id, provider));
                var (lat, lon, region) = Located(1.6);
                ins.Set("Id", id).Set("ProviderId", provider).Set("Name", $"Setting {i:0000}").Set("Region", region).Set("OfstedUrn", $"{1000000 + i}").Set("Postcode", "AB1 2CD")
                    .Set("OfstedGrade", Pick(grades)).Set("Latitude", lat).Set("Longitude", lon).Set("RegisteredPlaces", random.Next(1, 7))
                    .Set("LastInspectionDate", DateOnly.FromDateTime(now.AddDays(-random.Next(30, 900)))).Set("CreatedAt", now.AddYears(-2)).Insert();
            }
        }
        Console.WriteLine($"// {Settings} settings");

        var genders = Enum.GetValues<Core.Gender>();
        var vacancies = new List<(Guid Id, Guid ProviderId, Guid SettingId, Guid LotId)>();
        using (var ins = new Inserter(connection, tx, "Vacancies"))
        {
            // Open vacancies, and as many again filled or closed: offers over the year point at both.
            for (var i = 0; i < OpenVacancies * 2; i++)
            {
                var id = NewId();
                var setting = Pick(settings);
                var lot = Pick(providerLots[setting.ProviderId]);
                vacancies.Add((id, setting.ProviderId, setting.Id, lot));
                var ageMin = random.Next(0, 13);
                ins.Set("Id", id).Set("ProviderId", setting.ProviderId).Set("SettingId", setting.Id).Set("LotId", lot)
                    .Set("Status", i < OpenVacancies ? VacancyStatus.Open : VacancyStatus.Filled).Set("Places", random.Next(1, 3))
                    .Set("AgeMin", ageMin).Set("AgeMax", Math.Min(17, ageMin + random.Next(3, 10)))
                    .Set("Genders", random.Next(3) == 0 ? $"[\"{Pick(genders)}\"]" : "[" + string.Join(",", genders.Select(g => $"\"{g}\"")) + "]")
                    .Set("NeedsMet", NeedsJson(2, 6)).Set("WeeklyPrice", Math.Round(800m + (decimal)(random.NextDouble() * 6000), 2))
                    .Set("AvailableFrom", DateOnly.FromDateTime(now.AddDays(random.Next(-30, 60)))).Set("CreatedAt", now.AddDays(-random.Next(1, 365)))
                    .Set("UpdatedAt", now.AddDays(-1)).Set("Version", NewId()).Insert();
            }
        }
        Console.WriteLine($"// {vacancies.Count} vacancies ({OpenVacancies} open)");

        // Referrals: a few big authorities make most of them.
        var referrals = new List<(Guid Id, Guid LocalAuthorityId, Guid LotId, DateTime PublishedAt, DateOnly StartDate)>();
        var weights = authorities.Select((_, i) => 1.0 / Math.Sqrt(i + 1)).ToArray();
        var totalWeight = weights.Sum();
        Guid WeightedAuthority()
        {
            var x = random.NextDouble() * totalWeight;
            for (var i = 0; i < weights.Length; i++)
            {
                x -= weights[i];
                if (x <= 0)
                {
                    return authorities[i];
                }
            }
            return authorities[^1];
        }
        var urgencies = Enum.GetValues<Urgency>();
        var durations = Enum.GetValues<PlacementDuration>();
        using (var ins = new Inserter(connection, tx, "Referrals"))
        {
            for (var i = 0; i < Referrals; i++)
            {
                var id = NewId();
                var la = WeightedAuthority();
                var usable = lots.Where(l => dpsAuthorities[l.Dps].Contains(la)).ToList();
                var lot = Pick(usable.Count > 0 ? usable : lots).Id;
                var published = yearAgo.AddMinutes(random.Next(0, 365 * 24 * 60));
                var start = DateOnly.FromDateTime(published.AddDays(random.Next(1, 30)));
                var (lat, lon) = Point(1.2);
                var (needsJson, band) = Needs(1, 4);
                referrals.Add((id, la, lot, published, start));
                var status = published < now.AddDays(-30) ? (random.Next(3) == 0 ? ReferralStatus.Placed : ReferralStatus.Unfilled) : ReferralStatus.Open;
                ins.Set("Id", id).Set("LocalAuthorityId", la).Set("LotId", lot).Set("CreatedByUserId", Guid.Empty).Set("ChildFirstName", "Child")
                    .Set("ChildLastName", $"{i}").Set("ChildReference", $"REF{i:000000}").Set("ChildGender", Pick(genders))
                    .Set("ChildDateOfBirth", start.AddYears(-random.Next(1, 17)).AddDays(-random.Next(0, 365))).Set("HomePostcode", "AB1 2CD")
                    .Set("HomeLatitude", lat).Set("HomeLongitude", lon).Set("MaxDistanceMiles", 20.0).Set("Needs", needsJson).Set("NeedsBand", band).Set("MustHaveNeeds", "[]")
                    .Set("Duration", Pick(durations)).Set("Urgency", Pick(urgencies)).Set("Status", status).Set("SiblingGroupSize", 1)
                    .Set("WeeklyBudget", 4000m).Set("StartDate", start).Set("CreatedAt", published.AddHours(-1)).Set("PublishedAt", published)
                    .Set("OfferDeadline", published.AddDays(3)).Set("UpdatedAt", published).Set("ClosedAt", status == ReferralStatus.Open ? null : published.AddDays(20))
                    .Insert();
            }
        }
        Console.WriteLine($"// {Referrals} referrals");

        // Offers: ~33 a referral on average, with a long tail; all on vacancies of the referral's lot.
        var vacanciesByLot = vacancies.GroupBy(v => v.LotId).ToDictionary(g => g.Key, g => g.ToList());
        var offerCounts = referrals.Select(_ => 1 + (int)(-Math.Log(1 - random.NextDouble()) * 32)).ToArray();
        var scale = (double)Offers / offerCounts.Sum();
        offerCounts = [.. offerCounts.Select(c => Math.Max(1, (int)(c * scale)))];
        var remainder = Offers - offerCounts.Sum();
        for (var i = 0; remainder != 0; i = (i + 1) % offerCounts.Length)
        {
            if (remainder > 0) { offerCounts[i]++; remainder--; }
            else if (offerCounts[i] > 1) { offerCounts[i]--; remainder++; }
        }
        var placementOffers = new List<(Guid OfferId, int Referral, (Guid Id, Guid ProviderId, Guid SettingId, Guid LotId) Vacancy, decimal Price)>();
        var written = 0;
        using (var ins = new Inserter(connection, tx, "Offers"))
        {
            for (var r = 0; r < referrals.Count; r++)
            {
                var referral = referrals[r];
                var pool = vacanciesByLot[referral.LotId];
                for (var k = 0; k < offerCounts[r]; k++)
                {
                    var id = NewId();
                    var v = Pick(pool);
                    var price = Math.Round(800m + (decimal)(random.NextDouble() * 6000), 2);
                    var created = referral.PublishedAt.AddMinutes(random.Next(5, 3 * 24 * 60));
                    ins.Set("Id", id).Set("ReferralId", referral.Id).Set("ProviderId", v.ProviderId).Set("SettingId", v.SettingId).Set("VacancyId", v.Id)
                        .Set("CreatedByUserId", Guid.Empty).Set("WeeklyPrice", price).Set("StartDate", referral.StartDate)
                        .Set("Status", k == 0 && random.Next(3) == 0 ? OfferStatus.Accepted : random.Next(10) == 0 ? OfferStatus.Withdrawn : random.Next(2) == 0 ? OfferStatus.Submitted : OfferStatus.NotSelected)
                        .Set("IncludesEducation", random.Next(2) == 1).Set("IncludesTherapy", random.Next(2) == 1)
                        .Set("CreatedAt", created).Set("UpdatedAt", created).Insert();
                    if (k == 0 && placementOffers.Count < Placements && random.Next(3) == 0)
                    {
                        placementOffers.Add((id, r, v, price));
                    }
                    if (++written % 100_000 == 0)
                    {
                        Console.WriteLine($"// {written:N0} offers");
                    }
                }
            }
        }

        using (var ins = new Inserter(connection, tx, "Placements"))
        {
            for (var i = 0; placementOffers.Count < Placements; i++)
            {
                placementOffers.Add(placementOffers[i]);
            }
            foreach (var (offerId, r, v, price) in placementOffers.Take(Placements))
            {
                var referral = referrals[r];
                ins.Set("Id", NewId()).Set("ReferralId", referral.Id).Set("OfferId", offerId).Set("LocalAuthorityId", referral.LocalAuthorityId)
                    .Set("ProviderId", v.ProviderId).Set("SettingId", v.SettingId).Set("VacancyId", v.Id).Set("CreatedByUserId", Guid.Empty)
                    .Set("Kind", PlacementKind.Spot).Set("Status", random.Next(4) == 0 ? PlacementStatus.Ended : PlacementStatus.Active).Set("Places", 1)
                    .Set("StartDate", referral.StartDate).Set("WeeklyPrice", price).Set("CreatedAt", referral.PublishedAt.AddDays(5)).Insert();
            }
        }
        Console.WriteLine($"// {Placements} placements; committing");
        tx.Commit();
        using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE;";
        analyse.ExecuteNonQuery();
    }

    /// <summary>One prepared INSERT per table, its parameters reused row after row; columns not set take a typed default.</summary>
    private sealed class Inserter : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly Dictionary<string, SqliteParameter> parameters = [];
        private readonly Dictionary<string, object> defaults = [];

        public Inserter(SqliteConnection connection, SqliteTransaction tx, string table)
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.Transaction = tx;
                info.CommandText = $"PRAGMA table_info(\"{table}\")";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    var name = reader.GetString(1);
                    var type = reader.GetString(2).ToUpperInvariant();
                    var notNull = reader.GetInt64(3) == 1;
                    columns.Add(name);
                    defaults[name] = !notNull ? DBNull.Value : type switch
                    {
                        "INTEGER" => 0L,
                        "REAL" => 0.0,
                        _ when name.EndsWith("Id", StringComparison.Ordinal) => Format(Guid.Empty),
                        _ when name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Deadline", StringComparison.Ordinal) => Format(Now.UtcDateTime),
                        _ when name.EndsWith("Date", StringComparison.Ordinal) => Format(DateOnly.FromDateTime(Now.UtcDateTime)),
                        _ => "",
                    };
                }
            }
            if (columns.Count == 0)
            {
                throw new InvalidOperationException($"No table {table}");
            }
            command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[columns[i]] = command.Parameters.AddWithValue($"$p{i}", defaults[columns[i]]);
            }
            command.Prepare();
        }

        public Inserter Set(string column, object? value)
        {
            parameters[column].Value = Format(value);
            return this;
        }

        public void Insert()
        {
            command.ExecuteNonQuery();
            foreach (var (name, parameter) in parameters)
            {
                parameter.Value = defaults[name];
            }
        }

        // The formats EF Core's SQLite provider writes, so that its queries compare like with like.
        private static object Format(object? value) => value switch
        {
            null => DBNull.Value,
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            Enum e => e.ToString(),
            _ => value,
        };

        public void Dispose() => command.Dispose();
    }
}
