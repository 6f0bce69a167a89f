using PlacementBroker.Core;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Benchmarks;

/// <summary>
/// Every data decision of the data set, drawn from one seeded random sequence, so the same rows come out on any database.
/// Tables are written one at a time, parents before children (PostgreSQL's COPY writes one table at a time, and both
/// databases check foreign keys).
/// </summary>
internal sealed class NationalDataGenerator(NationalDataGenerator.Shape shape, TextWriter log)
{
    public sealed record Shape(int Authorities, int Providers, int Settings, int OpenVacancies, int Referrals, int Offers, int Placements)
    {
        public const int DpsCount = 3;
        public const int LotsPerDps = 4;

        public DataSetCounts Counts => new(Authorities, Providers, Settings, OpenVacancies, Referrals, Offers, Placements);

        public static Shape For(DataSize size) => size switch
        {
            DataSize.Tiny => new(12, 40, 80, 150, 120, 1_500, 40),
            // England's market as it stands (authorities, providers, settings, vacancies), with a quarter of the history.
            DataSize.Quick => new(150, 1_500, 4_000, 15_000, 6_000, 200_000, 2_500),
            _ => new(150, 1_500, 4_000, 15_000, 30_000, 1_000_000, 10_000),
        };
    }

    /// <summary>The user every generated record is made by: disabled, so nobody signs in as it.</summary>
    public static readonly Guid GeneratorUserId = new("00000000-0000-4000-8000-00000000da7a");

    /// <summary>Referrals' maximum distances: every setting an officer uses, from next door to across the country.</summary>
    public static readonly double[] Distances = [5, 10, 20, 30, 50, 100];

    private readonly Random random = new(20261123);

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public void Write(IDataTarget target)
    {
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
        (string[] List, NeedsBand Band) Needs(int min, int max)
        {
            var chosen = needs.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToList();
            return ([.. chosen.Select(n => n.ToString())], NeedsBands.For(chosen));
        }
        var grades = Enum.GetValues<OfstedGrade>();
        var now = NationalData.Now.UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var yearAgo = now.AddDays(-365);
        var user = GeneratorUserId;

        using (var ins = target.Table("AspNetUsers"))
        {
            ins.Set("Id", user).Set("UserName", "data-generator").Set("NormalizedUserName", "DATA-GENERATOR").Set("Email", "data-generator@example.org")
                .Set("NormalizedEmail", "DATA-GENERATOR@EXAMPLE.ORG").Set("DisplayName", "Generated data").Set("Role", Role.PlatformAdmin)
                .Set("SecurityStamp", user.ToString("N")).Set("ConcurrencyStamp", user.ToString("N")).Set("CreatedAt", now.AddYears(-3))
                .Set("DisabledAt", now.AddYears(-3)).Insert();
        }

        var authorities = new List<Guid>();
        using (var ins = target.Table("LocalAuthorities"))
        {
            for (var i = 0; i < shape.Authorities; i++)
            {
                var id = NewId();
                authorities.Add(id);
                ins.Set("Id", id).Set("Code", $"LA{i:000}").Set("Name", $"Authority {i:000}").Set("CreatedAt", now.AddYears(-2)).Insert();
            }
        }
        log.WriteLine($"// {shape.Authorities} authorities");

        var lots = new List<(Guid Id, Guid DpsId, int Dps)>();
        var dpsAuthorities = new List<Guid>[Shape.DpsCount];
        var dpsIds = new List<Guid>();
        var participants = new List<(Guid DpsId, Guid LocalAuthorityId)>();
        using (var dpsIns = target.Table("DynamicPurchasingSystems"))
        {
            for (var d = 0; d < Shape.DpsCount; d++)
            {
                var id = NewId();
                dpsIds.Add(id);
                var lead = authorities[d];
                dpsIns.Set("Id", id).Set("Name", $"Regional DPS {d + 1}").Set("LeadLocalAuthorityId", lead).Set("Regime", DpsRegime.Pcr2015Dps)
                    .Set("Status", DpsStatus.Open).Set("DecisionPeriodDays", 10).Set("CreatedAt", now.AddYears(-2)).Set("PublishedAt", now.AddYears(-2)).Insert();
                dpsAuthorities[d] = [lead];
                // The first DPS is the big, national one; the others regional.
                foreach (var la in authorities.Where((_, i) => i != d && (d == 0 ? i % 3 != 2 : i % 3 == 2 && i % 2 == d - 1)))
                {
                    participants.Add((id, la));
                    dpsAuthorities[d].Add(la);
                }
            }
        }
        using (var partIns = target.Table("DpsParticipants"))
        {
            foreach (var (dps, la) in participants)
            {
                partIns.Set("DpsId", dps).Set("LocalAuthorityId", la).Insert();
            }
        }
        using (var lotIns = target.Table("Lots"))
        {
            for (var d = 0; d < Shape.DpsCount; d++)
            {
                for (var l = 0; l < Shape.LotsPerDps; l++)
                {
                    var lotId = NewId();
                    lots.Add((lotId, dpsIds[d], d));
                    lotIns.Set("Id", lotId).Set("DpsId", dpsIds[d]).Set("Name", $"DPS {d + 1} lot {l + 1}").Set("PlacementType", (PlacementType)(l % Enum.GetValues<PlacementType>().Length))
                        .Set("BenchmarkWeeklyPrice", 900m + (l * 1500m)).Insert();
                }
            }
        }
        log.WriteLine($"// {Shape.DpsCount} DPSs, {lots.Count} lots");

        // About one provider in a hundred is red: an open critical flag, suspended from its lots (always at least one).
        var providers = new List<Guid>();
        var red = new HashSet<Guid>();
        var memberships = new List<(Guid Id, Guid LotId, Guid ProviderId, MembershipStatus Status)>();
        using (var ins = target.Table("Providers"))
        {
            var types = Enum.GetValues<ProviderType>();
            for (var i = 0; i < shape.Providers; i++)
            {
                var id = NewId();
                providers.Add(id);
                ins.Set("Id", id).Set("Name", $"Provider {i:0000}").Set("ContactEmail", $"provider{i}@example.org").Set("RegisteredAt", now.AddYears(-3))
                    .Set("VerifiedAt", now.AddYears(-3)).Set("VerifiedBy", "Existing").Set("ContactEmailConfirmedAt", now.AddYears(-3))
                    .Set("RegistrationNumber", $"SC{i:000000}").Set("Type", Pick(types)).Insert();
                var isRed = i == 1 || random.Next(100) == 0;
                if (isRed)
                {
                    red.Add(id);
                }
                foreach (var lot in lots.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(l => l.Id))
                {
                    var status = isRed || random.Next(20) == 0 ? MembershipStatus.Suspended : MembershipStatus.Admitted;
                    memberships.Add((NewId(), lot, id, status));
                }
            }
        }
        using (var mIns = target.Table("LotMemberships"))
        {
            foreach (var (id, lot, provider, status) in memberships)
            {
                mIns.Set("Id", id).Set("LotId", lot).Set("ProviderId", provider).Set("Status", status).Set("SuspendedForQa", red.Contains(provider))
                    .Set("AdmittedAt", now.AddYears(-2)).Insert();
            }
        }
        var admittedByLot = memberships.Where(m => m.Status == MembershipStatus.Admitted).GroupBy(m => m.LotId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.ProviderId).ToList());
        log.WriteLine($"// {shape.Providers} providers, {memberships.Count} lot memberships");

        var settings = new List<(Guid Id, Guid ProviderId, OfstedGrade Grade, DateOnly Inspected)>();
        using (var ins = target.Table("Settings"))
        {
            for (var i = 0; i < shape.Settings; i++)
            {
                var id = NewId();
                var provider = i < shape.Providers ? providers[i] : Pick(providers);
                var (lat, lon, region) = Located(1.6);
                var grade = Pick(grades);
                var inspected = DateOnly.FromDateTime(now.AddDays(-random.Next(30, 900)));
                settings.Add((id, provider, grade, inspected));
                ins.Set("Id", id).Set("ProviderId", provider).Set("Name", $"Setting {i:0000}").Set("Region", region).Set("OfstedUrn", $"{1000000 + i}").Set("Postcode", "AB1 2CD")
                    .Set("OfstedGrade", grade).Set("Latitude", lat).Set("Longitude", lon).Set("RegisteredPlaces", random.Next(1, 7))
                    .Set("LastInspectionDate", inspected).Set("ReviewStatus", SettingReviewStatus.Approved).Set("CapacityVersion", NewId())
                    .Set("CreatedAt", now.AddYears(-2)).Insert();
            }
        }
        log.WriteLine($"// {shape.Settings} settings");

        // Ofsted history: each setting's earlier grades, the last entry its grade today.
        var inspections = 0;
        using (var ins = target.Table("SettingInspections"))
        {
            foreach (var setting in settings)
            {
                var history = random.Next(1, 4);
                OfstedGrade? previous = null;
                for (var h = history - 1; h >= 0; h--)
                {
                    var grade = h == 0 ? setting.Grade : Pick(grades);
                    var date = setting.Inspected.AddYears(-h * 2).AddDays(-random.Next(0, 60) * Math.Sign(h));
                    ins.Set("SettingId", setting.Id).Set("Grade", grade).Set("InspectionDate", date).Set("PreviousGrade", previous)
                        .Set("Source", h == history - 1 ? "Added by hand" : "Ofsted import").Set("RecordedAt", date.ToDateTime(new TimeOnly(6, 0))).Insert();
                    previous = grade;
                    inspections++;
                }
            }
        }
        log.WriteLine($"// {inspections} inspections");

        // QA: visits (most with a completed report, some reviewed) and flags, a few open, one critical per red provider.
        var visits = 0;
        using (var ins = target.Table("QaVisits"))
        {
            var types = Enum.GetValues<VisitType>();
            var outcomes = Enum.GetValues<VisitOutcome>();
            foreach (var setting in settings.Where(_ => random.Next(10) < 6))
            {
                var date = today.AddDays(-random.Next(1, 700));
                var reported = random.Next(4) != 0;
                ins.Set("Id", NewId()).Set("SettingId", setting.Id).Set("ProviderId", setting.ProviderId).Set("LocalAuthorityId", Pick(authorities))
                    .Set("VisitDate", date).Set("Type", Pick(types)).Set("Visitor", "QA officer").Set("Findings", reported ? "Findings recorded on the standard form." : null)
                    .Set("Outcome", reported ? Pick(outcomes) : null).Set("ReportCompletedOn", reported ? date.AddDays(random.Next(1, 20)) : null)
                    .Set("ReportReviewedOn", reported && random.Next(2) == 0 ? date.AddDays(random.Next(20, 40)) : null)
                    .Set("Regulation44Reports", random.Next(3) == 0 ? "Reg 44 report seen" : null)
                    .Set("RecordedByUserId", user).Set("RecordedAt", date.ToDateTime(new TimeOnly(17, 0))).Insert();
                visits++;
            }
        }
        var flags = 0;
        using (var ins = target.Table("QaFlags"))
        {
            var categories = Enum.GetValues<FlagCategory>();
            void Flag(Guid provider, FlagSeverity severity, bool open)
            {
                var raised = now.AddDays(-random.Next(1, 500));
                ins.Set("Id", NewId()).Set("ProviderId", provider).Set("LocalAuthorityId", Pick(authorities)).Set("Category", Pick(categories))
                    .Set("Severity", severity).Set("Description", $"{severity} concern raised by a QA officer").Set("Status", open ? FlagStatus.Open : FlagStatus.Resolved)
                    .Set("RaisedByUserId", user).Set("RaisedAt", raised).Set("ResolvedByUserId", open ? null : user)
                    .Set("ResolvedAt", open ? null : raised.AddDays(random.Next(1, 60))).Set("Resolution", open ? null : "Resolved after a follow-up visit").Insert();
                flags++;
            }
            for (var i = 0; i < providers.Count; i++)
            {
                if (red.Contains(providers[i]))
                {
                    Flag(providers[i], FlagSeverity.Critical, open: true);
                }
                else if (i == 2 || random.Next(8) == 0)
                {
                    // Open flags below critical weigh on matching (always at least one); resolved ones are history.
                    Flag(providers[i], (FlagSeverity)random.Next(3), open: i == 2 || random.Next(3) == 0);
                }
            }
        }
        log.WriteLine($"// {visits} QA visits, {flags} QA flags ({red.Count} providers red)");

        var genders = Enum.GetValues<Core.Gender>();
        var vacancies = new List<(Guid Id, Guid ProviderId, Guid SettingId, Guid LotId)>();
        var providerLots = memberships.GroupBy(m => m.ProviderId).ToDictionary(g => g.Key, g => g.Select(m => m.LotId).ToList());
        using (var ins = target.Table("Vacancies"))
        {
            // Open vacancies, and as many again filled or closed: offers over the year point at both.
            for (var i = 0; i < shape.OpenVacancies * 2; i++)
            {
                var id = NewId();
                var setting = Pick(settings);
                var lot = Pick(providerLots[setting.ProviderId]);
                vacancies.Add((id, setting.ProviderId, setting.Id, lot));
                var ageMin = random.Next(0, 13);
                ins.Set("Id", id).Set("ProviderId", setting.ProviderId).Set("SettingId", setting.Id).Set("LotId", lot)
                    .Set("Status", i < shape.OpenVacancies ? VacancyStatus.Open : VacancyStatus.Filled).Set("Places", random.Next(1, 3))
                    .Set("AgeMin", ageMin).Set("AgeMax", Math.Min(17, ageMin + random.Next(3, 10)))
                    .Set("Genders", random.Next(3) == 0 ? [Pick(genders).ToString()] : genders.Select(g => g.ToString()).ToArray())
                    .Set("NeedsMet", Needs(2, 6).List).Set("WeeklyPrice", Math.Round(800m + (decimal)(random.NextDouble() * 6000), 2))
                    .Set("AvailableFrom", DateOnly.FromDateTime(now.AddDays(random.Next(-30, 60)))).Set("CreatedAt", now.AddDays(-random.Next(1, 365)))
                    .Set("UpdatedAt", now.AddDays(-1)).Set("Version", NewId()).Insert();
            }
        }
        log.WriteLine($"// {vacancies.Count} vacancies ({shape.OpenVacancies} open)");

        // Block contracts: about one authority in three holds one or two, with a provider of a lot it may use.
        var blocks = 0;
        using (var ins = target.Table("BlockContracts"))
        {
            for (var a = 0; a < authorities.Count; a++)
            {
                if (a % 3 != 0)
                {
                    continue;
                }
                var usable = lots.Where(l => dpsAuthorities[l.Dps].Contains(authorities[a]) && admittedByLot.ContainsKey(l.Id)).ToList();
                for (var k = 0; k < 1 + random.Next(2) && usable.Count > 0; k++)
                {
                    var lot = Pick(usable).Id;
                    var provider = Pick(admittedByLot[lot]);
                    var places = random.Next(2, 7);
                    var start = today.AddDays(-random.Next(30, 300));
                    ins.Set("Id", NewId()).Set("LocalAuthorityId", authorities[a]).Set("ProviderId", provider).Set("LotId", lot).Set("Places", places)
                        .Set("PlacesTaken", random.Next(0, places + 1)).Set("WeeklyPricePerPlace", Math.Round(2500m + (decimal)(random.NextDouble() * 3000), 2))
                        .Set("StartDate", start).Set("EndDate", start.AddYears(1)).Set("CreatedByUserId", user).Set("CreatedAt", start.ToDateTime(new TimeOnly(9, 0)))
                        .Insert();
                    blocks++;
                }
            }
        }
        log.WriteLine($"// {blocks} block contracts");

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
        // A placement per placed referral (one at most each): which ones, chosen up front.
        var placed = Enumerable.Range(0, shape.Referrals).OrderBy(_ => random.Next()).Take(shape.Placements).ToHashSet();
        var urgencies = Enum.GetValues<Urgency>();
        var durations = Enum.GetValues<PlacementDuration>();
        using (var ins = target.Table("Referrals"))
        {
            for (var i = 0; i < shape.Referrals; i++)
            {
                var id = NewId();
                var la = WeightedAuthority();
                var usable = lots.Where(l => dpsAuthorities[l.Dps].Contains(la)).ToList();
                var lot = Pick(usable.Count > 0 ? usable : lots).Id;
                var published = yearAgo.AddMinutes(random.Next(0, 365 * 24 * 60));
                var start = DateOnly.FromDateTime(published.AddDays(random.Next(1, 30)));
                var (lat, lon) = Point(1.2);
                var (needList, band) = Needs(1, 4);
                referrals.Add((id, la, lot, published, start));
                var status = placed.Contains(i) ? ReferralStatus.Placed : published < now.AddDays(-30) ? ReferralStatus.Unfilled : ReferralStatus.Open;
                // Every distance setting: one referral in ten needs a placement out of area; most children come alone, some with siblings.
                var outOfArea = i % 10 == 3;
                var siblings = (i % 20) switch { 7 => 2, 13 => 3, _ when i % 97 == 5 => 4, _ => 1 };
                ins.Set("Id", id).Set("LocalAuthorityId", la).Set("LotId", lot).Set("CreatedByUserId", user).Set("ChildFirstName", "Child")
                    .Set("ChildLastName", $"{i}").Set("ChildReference", $"REF{i:000000}").Set("ChildGender", Pick(genders))
                    .Set("ChildDateOfBirth", start.AddYears(-random.Next(1, 17)).AddDays(-random.Next(0, 365))).Set("HomePostcode", "AB1 2CD")
                    .Set("HomeLatitude", lat).Set("HomeLongitude", lon).Set("MaxDistanceMiles", Distances[i % Distances.Length]).Set("OutOfAreaRequired", outOfArea)
                    .Set("Needs", needList).Set("NeedsBand", band).Set("MustHaveNeeds", random.Next(4) == 0 ? needList.Take(1).ToArray() : Array.Empty<string>())
                    .Set("Duration", Pick(durations)).Set("Urgency", Pick(urgencies)).Set("Status", status).Set("SiblingGroupSize", siblings)
                    .Set("WeeklyBudget", 4000m).Set("StartDate", start).Set("CreatedAt", published.AddHours(-1)).Set("PublishedAt", published)
                    .Set("OfferDeadline", published.AddDays(3)).Set("UpdatedAt", published).Set("ClosedAt", status == ReferralStatus.Open ? null : published.AddDays(20))
                    .Insert();
            }
        }
        log.WriteLine($"// {shape.Referrals} referrals");

        // Every admitted member of the lot got each referral when it was published; some had a vacancy that fitted, some declined.
        long recipients = 0;
        using (var ins = target.Table("ReferralRecipients"))
        {
            var reasons = Enum.GetValues<DeclineReason>();
            foreach (var referral in referrals)
            {
                if (!admittedByLot.TryGetValue(referral.LotId, out var members))
                {
                    continue;
                }
                foreach (var provider in members)
                {
                    var declined = random.Next(10) == 0;
                    ins.Set("ReferralId", referral.Id).Set("ProviderId", provider).Set("NotifiedAt", referral.PublishedAt).Set("Fits", random.Next(3) == 0)
                        .Set("DeclinedAt", declined ? referral.PublishedAt.AddHours(random.Next(1, 48)) : null)
                        .Set("DeclineReason", declined ? Pick(reasons) : null).Insert();
                    if (++recipients % 1_000_000 == 0)
                    {
                        log.WriteLine($"// {recipients:N0} referral recipients");
                    }
                }
            }
        }
        log.WriteLine($"// {recipients:N0} referral recipients");

        // Offers: ~33 a referral on average, with a long tail; all on vacancies of the referral's lot, at most one a vacancy
        // (one live offer per vacancy and referral). A placed referral's first offer is the one accepted.
        var vacanciesByLot = vacancies.GroupBy(v => v.LotId).ToDictionary(g => g.Key, g => g.ToList());
        var room = referrals.Select(r => vacanciesByLot[r.LotId].Count).ToArray();
        var offerCounts = referrals.Select(_ => 1 + (int)(-Math.Log(1 - random.NextDouble()) * 32)).ToArray();
        var scale = (double)shape.Offers / offerCounts.Sum();
        offerCounts = [.. offerCounts.Select((c, i) => Math.Min(room[i], Math.Max(1, (int)(c * scale))))];
        var remainder = shape.Offers - offerCounts.Sum();
        if (remainder > room.Sum() - offerCounts.Sum())
        {
            throw new InvalidOperationException($"{shape.Offers} offers do not fit on the vacancies of {shape.Referrals} referrals' lots");
        }
        for (var i = 0; remainder != 0; i = (i + 1) % offerCounts.Length)
        {
            if (remainder > 0 && offerCounts[i] < room[i]) { offerCounts[i]++; remainder--; }
            else if (remainder < 0 && offerCounts[i] > 1) { offerCounts[i]--; remainder++; }
        }
        var placementOffers = new Dictionary<int, (Guid OfferId, (Guid Id, Guid ProviderId, Guid SettingId, Guid LotId) Vacancy, decimal Price)>();
        var written = 0;
        using (var ins = target.Table("Offers"))
        {
            var chosen = new HashSet<int>();
            for (var r = 0; r < referrals.Count; r++)
            {
                var referral = referrals[r];
                var pool = vacanciesByLot[referral.LotId];
                chosen.Clear();
                for (var k = 0; k < offerCounts[r]; k++)
                {
                    var id = NewId();
                    int pick;
                    do
                    {
                        pick = random.Next(pool.Count);
                    }
                    while (!chosen.Add(pick));
                    var v = pool[pick];
                    var price = Math.Round(800m + (decimal)(random.NextDouble() * 6000), 2);
                    var created = referral.PublishedAt.AddMinutes(random.Next(5, 3 * 24 * 60));
                    var accepted = k == 0 && placed.Contains(r);
                    ins.Set("Id", id).Set("ReferralId", referral.Id).Set("ProviderId", v.ProviderId).Set("SettingId", v.SettingId).Set("VacancyId", v.Id)
                        .Set("CreatedByUserId", user).Set("WeeklyPrice", price).Set("StartDate", referral.StartDate)
                        .Set("Status", accepted ? OfferStatus.Accepted : random.Next(10) == 0 ? OfferStatus.Withdrawn : random.Next(2) == 0 && !placed.Contains(r) ? OfferStatus.Submitted : OfferStatus.NotSelected)
                        .Set("IncludesEducation", random.Next(2) == 1).Set("IncludesTherapy", random.Next(2) == 1)
                        .Set("CreatedAt", created).Set("UpdatedAt", created).Insert();
                    if (accepted)
                    {
                        placementOffers[r] = (id, v, price);
                    }
                    if (++written % 100_000 == 0)
                    {
                        log.WriteLine($"// {written:N0} offers");
                    }
                }
            }
        }

        var placements = placementOffers.OrderBy(p => p.Key).Select(p =>
        {
            var referral = referrals[p.Key];
            // Made a few days after publication, and never after the data set's clock.
            var made = referral.PublishedAt.AddDays(5) < now ? referral.PublishedAt.AddDays(5) : referral.PublishedAt.AddDays((now - referral.PublishedAt).TotalDays / 2);
            return (Id: NewId(), Offer: p.Value, Referral: referral, CreatedAt: made, Ended: random.Next(4) == 0);
        }).ToList();
        // Agreement references as the service gives them: each year's placements numbered in the order they were made.
        var references = new Dictionary<Guid, string>();
        var counters = new SortedDictionary<int, int>();
        foreach (var p in placements.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id))
        {
            var year = p.CreatedAt.Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            references[p.Id] = AgreementReference.For(year, counters[year]);
        }
        using (var ins = target.Table("AgreementReferenceCounters"))
        {
            foreach (var (year, last) in counters)
            {
                ins.Set("Year", year).Set("Last", last).Insert();
            }
        }
        using (var ins = target.Table("Placements"))
        {
            foreach (var (id, (offerId, v, price), referral, createdAt, ended) in placements)
            {
                ins.Set("Id", id).Set("Reference", references[id]).Set("ReferralId", referral.Id).Set("OfferId", offerId).Set("LocalAuthorityId", referral.LocalAuthorityId)
                    .Set("ProviderId", v.ProviderId).Set("SettingId", v.SettingId).Set("VacancyId", v.Id).Set("CreatedByUserId", user)
                    .Set("Kind", PlacementKind.Spot).Set("Status", ended ? PlacementStatus.Ended : PlacementStatus.Active).Set("Places", 1)
                    .Set("StartDate", referral.StartDate).Set("WeeklyPrice", price).Set("CreatedAt", createdAt).Insert();
            }
        }
        log.WriteLine($"// {shape.Placements} placements");

        // Billing: the last three calendar months, one run per authority with placements, an invoice per provider owed, a line per placement.
        var runs = 0;
        var invoices = new List<(Guid Id, Guid RunId, Guid LocalAuthorityId, Guid ProviderId, DateOnly Start, DateOnly End, decimal Total, bool Paid)>();
        var lines = new List<(Guid Id, Guid InvoiceId, Guid PlacementId, string Reference, int Days, decimal Amount)>();
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        using (var ins = target.Table("BillingRuns"))
        {
            for (var m = 3; m >= 1; m--)
            {
                var start = firstOfMonth.AddMonths(-m);
                var end = start.AddMonths(1).AddDays(-1);
                var ran = end.AddDays(1).ToDateTime(new TimeOnly(2, 0));
                var live = placements.Where(p => p.Referral.StartDate <= end && !(p.Ended && p.Referral.StartDate < start.AddDays(-60))).ToList();
                foreach (var byAuthority in live.GroupBy(p => p.Referral.LocalAuthorityId).OrderBy(g => authorities.IndexOf(g.Key)))
                {
                    var runId = NewId();
                    ins.Set("Id", runId).Set("LocalAuthorityId", byAuthority.Key).Set("PeriodStart", start).Set("PeriodEnd", end)
                        .Set("Status", BillingRunStatus.Completed).Set("StartedAt", ran).Set("CompletedAt", ran.AddMinutes(1)).Insert();
                    runs++;
                    foreach (var byProvider in byAuthority.GroupBy(p => p.Offer.Vacancy.ProviderId).OrderBy(g => g.Key))
                    {
                        var invoiceId = NewId();
                        var total = 0m;
                        foreach (var p in byProvider)
                        {
                            var from = p.Referral.StartDate > start ? p.Referral.StartDate : start;
                            var days = end.DayNumber - from.DayNumber + 1;
                            var amount = Math.Round(p.Offer.Price / 7 * days, 2);
                            total += amount;
                            lines.Add((NewId(), invoiceId, p.Id, references[p.Id], days, amount));
                        }
                        invoices.Add((invoiceId, runId, byAuthority.Key, byProvider.Key, start, end, total, m > 1 || random.Next(2) == 0));
                    }
                }
            }
        }
        using (var ins = target.Table("Invoices"))
        {
            foreach (var i in invoices)
            {
                var raised = i.End.AddDays(1).ToDateTime(new TimeOnly(2, 5));
                ins.Set("Id", i.Id).Set("BillingRunId", i.RunId).Set("LocalAuthorityId", i.LocalAuthorityId).Set("ProviderId", i.ProviderId)
                    .Set("PeriodStart", i.Start).Set("PeriodEnd", i.End).Set("Total", i.Total).Set("Status", i.Paid ? InvoiceStatus.Paid : InvoiceStatus.Open)
                    .Set("RaisedAt", raised).Set("PaidAt", i.Paid ? raised.AddDays(14) : null).Set("CreatedAt", raised).Insert();
            }
        }
        using (var ins = target.Table("InvoiceLines"))
        {
            foreach (var l in lines)
            {
                ins.Set("Id", l.Id).Set("InvoiceId", l.InvoiceId).Set("PlacementId", l.PlacementId).Set("Description", $"Placement {l.Reference}")
                    .Set("Days", l.Days).Set("Amount", l.Amount).Insert();
            }
        }
        log.WriteLine($"// {runs} billing runs, {invoices.Count} invoices, {lines.Count} invoice lines; committing");
        target.Complete();
    }
}
