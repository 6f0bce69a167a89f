using System.Globalization;

namespace PlacementBroker.Core.Quality;

/// <summary>
/// Reads Ofsted's children's social care provider list: by header name, in any column order, ignoring columns it
/// does not use. Settings are matched by URN; rows for URNs not on the platform are read and passed over. A grade or
/// inspection date that changed is recorded in the setting's history; a downgrade to Requires improvement or
/// Inadequate alerts the QA team and the officers of every child placed there; a closed or cancelled registration
/// closes the setting's vacancies. The same file twice changes nothing the second time. A bad row is reported, never fatal.
/// </summary>
public class OfstedImportService(PlacementBrokerDbContext db, AuditTrail audit, EmailOutbox emails, Placements.PlaceLedger places, TimeProvider clock)
{
    private const string UrnColumn = "URN";
    private static readonly string[] GradeColumns = ["Overall experiences and progress of children and young people", "Overall effectiveness"];
    private const string DateColumn = "Inspection date";
    private const string StatusColumn = "Registration status";
    private const string RegionColumn = "Region";
    private static readonly string[] NameColumns = ["Setting name", "Provider name", "Name"];
    private static readonly string[] OwnerColumns = ["Organisation which owns the provider", "Owner name", "Organisation name", "Owner"];
    private const int Batch = 500;

    public async Task<Outcome<OfstedImportResult>> ImportAsync(Actor actor, Stream csv, string source, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // The register is national data: one council's staff must not change every council's view of a setting.
        if (actor.Role != Role.PlatformAdmin)
        {
            return Outcome<OfstedImportResult>.Forbidden("Only platform admins import the Ofsted register.");
        }
        using var reader = new StreamReader(csv);
        var records = CsvRecords.ReadAsync(reader).GetAsyncEnumerator(ct);
        if (!await records.MoveNextAsync())
        {
            return Outcome<OfstedImportResult>.Invalid("file", "The file is empty: upload Ofsted's provider list as CSV");
        }
        var headers = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int Column(string name) => headers.IndexOf(name.ToLowerInvariant());
        var urnColumn = Column(UrnColumn);
        var gradeColumn = GradeColumns.Select(Column).FirstOrDefault(i => i >= 0, -1);
        var dateColumn = Column(DateColumn);
        var statusColumn = Column(StatusColumn);
        var regionColumn = Column(RegionColumn);
        var nameColumn = NameColumns.Select(Column).FirstOrDefault(i => i >= 0, -1);
        var ownerColumn = OwnerColumns.Select(Column).FirstOrDefault(i => i >= 0, -1);
        if (urnColumn < 0)
        {
            return Outcome<OfstedImportResult>.Invalid("file", "The file has no URN column: is it Ofsted's children's social care provider list?");
        }

        var rejected = new List<ImportRejectedRow>();
        var rows = new List<(int Line, string Urn, OfstedGrade? Grade, DateOnly? Date, bool Closed, EnglishRegion? Region, string? Name, string? Owner)>();
        var read = 0;
        var updated = 0;
        var downgrades = 0;
        while (await records.MoveNextAsync())
        {
            read++;
            var (line, cells) = records.Current;
            string Cell(int index) => index >= 0 && index < cells.Count ? cells[index].Trim() : "";
            var urn = OfstedUrn.Normalise(Cell(urnColumn));
            if (string.IsNullOrEmpty(Cell(urnColumn)))
            {
                rejected.Add(new ImportRejectedRow(line, "No URN"));
                continue;
            }
            if (urn is null)
            {
                rejected.Add(new ImportRejectedRow(line, $"'{Cell(urnColumn)}' is not an Ofsted URN"));
                continue;
            }
            var gradeText = Cell(gradeColumn);
            OfstedGrade? grade = gradeText.ToLowerInvariant() switch
            {
                "" => null,
                "outstanding" => OfstedGrade.Outstanding,
                "good" => OfstedGrade.Good,
                "requires improvement to be good" or "requires improvement" => OfstedGrade.RequiresImprovement,
                "inadequate" => OfstedGrade.Inadequate,
                _ => (OfstedGrade)(-1),
            };
            if (grade == (OfstedGrade)(-1))
            {
                rejected.Add(new ImportRejectedRow(line, $"'{gradeText}' is not an Ofsted judgement"));
                continue;
            }
            var dateText = Cell(dateColumn);
            DateOnly? date = null;
            if (dateText.Length > 0)
            {
                if (DateOnly.TryParseExact(dateText, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    rejected.Add(new ImportRejectedRow(line, $"'{dateText}' is not a date (DD/MM/YYYY or YYYY-MM-DD)"));
                    continue;
                }
            }
            var status = Cell(statusColumn).ToLowerInvariant();
            // A region the file spells in a way we do not know is left as it was rather than rejecting the row's grade.
            var region = Regions.Parse(Cell(regionColumn));
            rows.Add((line, urn, grade, date, status.Contains("closed") || status.Contains("cancel") || status.Contains("resigned"), region,
                Limit(Cell(nameColumn)), Limit(Cell(ownerColumn))));
            if (rows.Count >= Batch)
            {
                (updated, downgrades) = Add(await ApplyAsync(actor, rows, source, ct), (updated, downgrades));
                rows.Clear();
                progress?.Report(read);
            }
        }
        (updated, downgrades) = Add(await ApplyAsync(actor, rows, source, ct), (updated, downgrades));
        progress?.Report(read);
        audit.Record(actor, "OfstedImported", "OfstedRegister", source, $"{read} rows, {updated} settings updated, {downgrades} downgrades, {rejected.Count} rejected");
        await db.SaveChangesAsync(ct);
        return Outcome<OfstedImportResult>.Success(new OfstedImportResult(read, updated, downgrades, rejected));

        static (int, int) Add((int, int) a, (int, int) b) => (a.Item1 + b.Item1, a.Item2 + b.Item2);
        static string? Limit(string value) => value.Length == 0 ? null : value.Length > 300 ? value[..300] : value;
    }

    private async Task<(int Updated, int Downgrades)> ApplyAsync(Actor actor, List<(int Line, string Urn, OfstedGrade? Grade, DateOnly? Date, bool Closed, EnglishRegion? Region, string? Name, string? Owner)> rows, string source, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return (0, 0);
        }
        var urns = rows.Select(r => r.Urn).Distinct().ToList();
        // More than one setting can claim a URN while a platform admin reviews the claims: the register applies to each.
        var settings = (await db.Settings.Where(s => urns.Contains(s.OfstedUrn)).ToListAsync(ct)).ToLookup(s => s.OfstedUrn);
        var register = await db.OfstedRegister.Where(r => urns.Contains(r.Urn)).ToDictionaryAsync(r => r.Urn, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = 0;
        var downgrades = 0;
        foreach (var row in rows)
        {
            // The whole register is kept, so a setting registered later is checked against it (name, owner, grade).
            if (!register.TryGetValue(row.Urn, out var entry))
            {
                entry = new OfstedRegisterEntry { Urn = row.Urn };
                register[row.Urn] = entry;
                db.OfstedRegister.Add(entry);
            }
            entry.SettingName = row.Name ?? entry.SettingName;
            entry.OwnerName = row.Owner ?? entry.OwnerName;
            entry.Grade = row.Grade ?? entry.Grade;
            entry.InspectionDate = row.Date ?? entry.InspectionDate;
            entry.Closed = row.Closed;
            entry.ImportedAt = now;
        }
        foreach (var row in rows)
        foreach (var setting in settings[row.Urn])
        {
            var changed = false;
            if (row.Grade is { } registered)
            {
                // A declared grade better than the register's stays shown as declared, not yet confirmed; otherwise it is confirmed.
                var unconfirmed = setting.DeclaredOfstedGrade is { } declared && OfstedGrades.IsBetter(declared, registered) ? setting.DeclaredOfstedGrade : null;
                // Saved with the batch; a confirmation alone is not counted as an update.
                setting.DeclaredOfstedGrade = unconfirmed;
            }
            // A blank judgement (not yet inspected, or supported accommodation) leaves the grade as it is.
            var grade = row.Grade ?? setting.OfstedGrade;
            var date = row.Date ?? setting.LastInspectionDate;
            if (grade != setting.OfstedGrade || date != setting.LastInspectionDate)
            {
                var previous = setting.OfstedGrade;
                db.SettingInspections.Add(new SettingInspection
                {
                    SettingId = setting.Id, Grade = grade, InspectionDate = date, PreviousGrade = previous, Source = source, RecordedAt = now,
                });
                setting.OfstedGrade = grade;
                setting.LastInspectionDate = date;
                changed = true;
                if (IsDowngrade(previous, grade))
                {
                    downgrades++;
                    await AlertDowngradeAsync(setting, previous, ct);
                }
            }
            if (row.Region is { } region && region != setting.Region)
            {
                setting.Region = region;
                changed = true;
            }
            if (row.Closed && setting.ClosedAt is null)
            {
                setting.ClosedAt = now;
                // Held places go too: an offer waiting for a manager's approval cannot become a placement in a closed setting.
                await db.Vacancies.Where(v => v.SettingId == setting.Id && (v.Status == VacancyStatus.Open || v.Status == VacancyStatus.Held))
                    .ForEachAsync(v => { v.Status = VacancyStatus.Withdrawn; v.UpdatedAt = now; v.Version = Guid.NewGuid(); }, ct);
                var closing = await db.Offers.Where(o => o.SettingId == setting.Id && (o.Status == OfferStatus.Submitted || o.Status == OfferStatus.PendingApproval))
                    .ToListAsync(ct);
                foreach (var offer in closing)
                {
                    if (offer.Status == OfferStatus.PendingApproval)
                    {
                        await places.CloseHoldsAsync(offer.Id, offer.VacancyId, "Ofsted's register shows the setting's registration closed", now, ct);
                    }
                    offer.Status = OfferStatus.Withdrawn;
                    offer.UpdatedAt = now;
                }
                changed = true;
            }
            if (changed)
            {
                updated++;
                audit.Record(actor, "OfstedSettingUpdated", nameof(Setting), setting.Id, $"{setting.OfstedUrn}: {grade}, {date:yyyy-MM-dd}{(row.Closed ? ", registration closed" : "")}", providerId: setting.ProviderId);
            }
        }
        await db.SaveChangesAsync(ct);
        return (updated, downgrades);
    }

    public static bool IsDowngrade(OfstedGrade from, OfstedGrade to) =>
        to.IsBelowGood() && Rank(to) > Rank(from);

    private static int Rank(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding => 0,
        OfstedGrade.Good => 1,
        OfstedGrade.NotGraded or OfstedGrade.NotYetInspected => 1,
        OfstedGrade.RequiresImprovement => 2,
        _ => 3,
    };

    /// <summary>The QA officers of every authority that works with the provider, and the placing officers of each child placed there.</summary>
    private async Task AlertDowngradeAsync(Setting setting, OfstedGrade previous, CancellationToken ct)
    {
        var providerId = setting.ProviderId;
        var dpsIds = await db.LotMemberships.Where(m => m.ProviderId == providerId).Select(m => m.Lot!.DpsId).Distinct().ToListAsync(ct);
        var authorities = (await db.DynamicPurchasingSystems.Where(d => dpsIds.Contains(d.Id)).Select(d => d.LeadLocalAuthorityId).ToListAsync(ct))
            .Concat(await db.DpsParticipants.Where(p => dpsIds.Contains(p.DpsId)).Select(p => p.LocalAuthorityId).ToListAsync(ct))
            .Concat(await db.Placements.Where(p => p.ProviderId == providerId && p.Status == PlacementStatus.Active).Select(p => p.LocalAuthorityId).ToListAsync(ct))
            .Distinct().ToList();
        var qa = await db.Users.Where(u => u.Role == Role.QaOfficer && u.LocalAuthorityId != null && authorities.Contains(u.LocalAuthorityId.Value))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var officerIds = await db.Placements.Where(p => p.SettingId == setting.Id && p.Status == PlacementStatus.Active)
            .Select(p => p.Referral!.CreatedByUserId).Distinct().ToListAsync(ct);
        var officers = await db.Users.Where(u => officerIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var grade = Words.Name(setting.OfstedGrade);
        var reference = $"{setting.Id}:{setting.OfstedGrade}:{setting.LastInspectionDate:yyyy-MM-dd}";
        foreach (var person in qa.Concat(officers).DistinctBy(p => p.Id))
        {
            var placed = officers.Any(o => o.Id == person.Id);
            await emails.QueueAsync(person.Email!, $"Ofsted downgrade: {setting.Name} is now {grade}",
                $"Ofsted's register shows {setting.Name} (URN {setting.OfstedUrn}) moved from {Words.Name(previous)} to {grade}"
                + (setting.LastInspectionDate is { } d ? $" after the inspection on {Words.Date(d)}" : "") + ".\n\n"
                + (placed ? "A child you placed lives there: review the placement with your manager and the QA team.\n" : "")
                + "New placements there now need a placement manager's approval, and a QA visit is due within 6 months.",
                reference: $"ofsted-downgrade:{reference}:{person.Id}", ct: ct);
        }
    }
}
