namespace PlacementBroker.Core.Providers;

/// <summary>A provider's Ofsted-registered settings, located from coordinates or, failing those, the postcode.</summary>
public class SettingService(PlacementBrokerDbContext db, IGeocoder geocoder, AuditTrail audit, AddressDisclosure disclosure, TimeProvider clock)
{
    public async Task<Outcome<Setting>> AddAsync(Actor actor, Guid providerId, AddSettingRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.ProviderUser)
        {
            return Outcome<Setting>.Forbidden("You can add settings only to your own organisation.");
        }
        if (actor.ProviderId != providerId)
        {
            // Another organisation's id answers as an unknown one: it never reveals that the organisation exists.
            return Outcome<Setting>.NotFound("No such organisation.");
        }
        var name = request.Name?.Trim();
        var urn = OfstedUrn.Normalise(request.OfstedUrn);
        var postcode = Postcode.Normalise(request.Postcode);
        var today = UkTime.Today(clock);
        var errors = new FieldErrors()
            .Required("name", name, "Enter the setting's name")
            .MaxLength("name", name, 200, "Name");
        errors.Required("ofstedUrn", request.OfstedUrn, urn is not null, "Enter the setting's Ofsted URN", "Enter an Ofsted URN like SC123456 or 2123456");
        errors.Required("postcode", request.Postcode, postcode is not null, "Enter the setting's postcode", "Enter a full UK postcode, like LS6 2AB");
        errors.Coordinates("latitude", "longitude", request.Latitude, request.Longitude, "The coordinates");
        errors.Required("ofstedGrade", request.OfstedGrade, "Select the latest Ofsted grade, or not yet inspected");
        if (request.LastInspectionDate is { } inspected && inspected > today)
        {
            errors.Add("lastInspectionDate", "The inspection date must be today or in the past");
        }
        if (request.RegisteredPlaces is null)
        {
            errors.Add("registeredPlaces", "Enter the number of registered places");
        }
        else if (request.RegisteredPlaces is < 1 or > 1000)
        {
            errors.Add("registeredPlaces", "Registered places must be from 1 to 1,000");
        }
        if (errors.Any)
        {
            return Outcome<Setting>.Invalid(errors);
        }

        var coordinates = request.Latitude is { } la && request.Longitude is { } lo
            ? new Coordinates(la, lo)
            : await geocoder.LocateAsync(postcode!, ct);
        if (coordinates is null)
        {
            return Outcome<Setting>.Invalid("postcode",
                $"We could not find where {Postcode.District(postcode)} is. Check the postcode is right");
        }
        if (await db.Settings.AnyAsync(s => s.OfstedUrn == urn && s.ProviderId == providerId, ct))
        {
            return Outcome<Setting>.Conflict($"A setting with Ofsted URN {urn} is already registered.");
        }

        var register = await db.OfstedRegister.AsNoTracking().SingleOrDefaultAsync(r => r.Urn == urn, ct);
        var providerName = await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        var (grade, declared) = OfstedGrades.Confirm(request.OfstedGrade!.Value, register?.Grade);
        var held = await HoldReasonAsync(providerId, urn!, name!, providerName, register, ct);
        var setting = new Setting
        {
            ProviderId = providerId,
            Name = name!,
            OfstedUrn = urn!,
            Postcode = postcode!,
            Latitude = coordinates.Value.Latitude,
            Longitude = coordinates.Value.Longitude,
            OfstedGrade = grade,
            DeclaredOfstedGrade = declared,
            LastInspectionDate = register?.Grade is not null ? register.InspectionDate ?? request.LastInspectionDate : request.LastInspectionDate,
            RegisteredPlaces = request.RegisteredPlaces!.Value,
            Region = Regions.FromPostcode(postcode),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ReviewStatus = held is null ? SettingReviewStatus.Approved : SettingReviewStatus.AwaitingReview,
            ReviewReason = held,
        };
        db.Settings.Add(setting);
        audit.Record(actor, "SettingAdded", nameof(Setting), setting.Id, $"{setting.Name} ({setting.OfstedUrn})"
            + (held is null ? "" : $": awaiting platform admin review, {held}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<Setting>.Conflict($"A setting with Ofsted URN {urn} is already registered.");
        }
        if (setting.ReviewStatus == SettingReviewStatus.Approved)
        {
            // Two providers claiming one URN at the same moment both passed the check above: each looks again once its
            // own claim is saved, and a claim that finds another holds itself, so at most one is approved without review.
            var rival = await db.Settings.AsNoTracking().AnyAsync(s => s.OfstedUrn == urn && s.ProviderId != providerId
                && s.ReviewStatus != SettingReviewStatus.Rejected, ct);
            if (rival)
            {
                setting.ReviewStatus = SettingReviewStatus.AwaitingReview;
                setting.ReviewReason = ClaimedReason(urn!);
                audit.Record(actor, "SettingHeldForReview", nameof(Setting), setting.Id, setting.ReviewReason);
                await db.SaveChangesAsync(ct);
            }
        }
        return Outcome<Setting>.Success(setting);
    }

    private static string ClaimedReason(string urn) => $"Ofsted URN {urn} is already registered by another provider.";

    /// <summary>Why a new claim of <paramref name="urn"/> needs a platform admin's review, or null when it passes straight through.</summary>
    private async Task<string?> HoldReasonAsync(Guid providerId, string urn, string name, string providerName, OfstedRegisterEntry? register, CancellationToken ct)
    {
        if (await db.Settings.AnyAsync(s => s.OfstedUrn == urn && s.ProviderId != providerId && s.ReviewStatus != SettingReviewStatus.Rejected, ct))
        {
            return ClaimedReason(urn);
        }
        if (register is null)
        {
            return null;
        }
        var reasons = new List<string>();
        if (register.SettingName is { Length: > 0 } registeredName && !OfstedGrades.SameName(registeredName, name))
        {
            reasons.Add($"Ofsted's register names the setting \"{registeredName}\"");
        }
        if (register.OwnerName is { Length: > 0 } owner && !OfstedGrades.SameName(owner, providerName))
        {
            reasons.Add($"Ofsted's register shows it owned by \"{owner}\"");
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons) + ".";
    }

    /// <summary>Settings waiting for a platform admin's decision first, then the decided ones, newest first.</summary>
    public async Task<List<SettingReviewView>> ReviewsAsync(Actor actor, bool pendingOnly, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlatformAdmin)
        {
            return [];
        }
        var query = db.Settings.AsNoTracking().Where(s => s.ReviewStatus == SettingReviewStatus.AwaitingReview
            || (!pendingOnly && s.ReviewedAt != null));
        var rows = await query.OrderBy(s => s.ReviewStatus == SettingReviewStatus.AwaitingReview ? 0 : 1).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { Setting = s, ProviderName = s.Provider!.Name }).Take(500).ToListAsync(ct);
        var urns = rows.Select(r => r.Setting.OfstedUrn).Distinct().ToList();
        var register = await db.OfstedRegister.AsNoTracking().Where(r => urns.Contains(r.Urn)).ToDictionaryAsync(r => r.Urn, ct);
        var claims = await db.Settings.AsNoTracking().Where(s => urns.Contains(s.OfstedUrn))
            .Select(s => new { s.Id, s.OfstedUrn, s.Name, s.ReviewStatus, Provider = s.Provider!.Name }).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var s = r.Setting;
            var entry = register.GetValueOrDefault(s.OfstedUrn);
            return new SettingReviewView(s.Id, s.ProviderId, r.ProviderName, s.Name, s.OfstedUrn, Postcode.District(s.Postcode) ?? "", s.ReviewStatus,
                s.ReviewReason, s.CreatedAt, s.ReviewedAt, entry?.SettingName, entry?.OwnerName,
                [.. claims.Where(c => c.OfstedUrn == s.OfstedUrn && c.Id != s.Id).Select(c => $"{c.Name} ({c.Provider}, {Words.InSentence(c.ReviewStatus)})")]);
        })];
    }

    public async Task<SettingReviewView?> ReviewAsync(Actor actor, Guid settingId, CancellationToken ct = default) =>
        (await ReviewsAsync(actor, pendingOnly: false, ct)).SingleOrDefault(r => r.Id == settingId);

    /// <summary>A platform admin approves a held setting, or rejects it with the reason the provider is shown.</summary>
    public async Task<Outcome<Setting>> DecideReviewAsync(Actor actor, Guid settingId, SettingReviewRequest request, CancellationToken ct = default)
    {
        if (actor.Role != Role.PlatformAdmin)
        {
            return Outcome<Setting>.Forbidden("Only platform admins review Ofsted URN claims.");
        }
        var reason = request.Reason?.Trim();
        var errors = new FieldErrors()
            .Required("decision", request.Decision, "Select approve or reject")
            .RequiredWhen(request.Decision == SettingReviewDecision.Reject, "reason", reason, "Enter the reason for rejecting the setting")
            .MaxLength("reason", reason, 1000, "The reason");
        if (errors.Any)
        {
            return Outcome<Setting>.Invalid(errors);
        }
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Id == settingId, ct);
        if (setting is null)
        {
            return Outcome<Setting>.NotFound();
        }
        if (setting.ReviewStatus != SettingReviewStatus.AwaitingReview)
        {
            return Outcome<Setting>.Conflict($"The setting is already {Words.InSentence(setting.ReviewStatus)}.");
        }
        var approve = request.Decision == SettingReviewDecision.Approve;
        var now = clock.GetUtcNow().UtcDateTime;
        // A conditional update: two admins deciding at once cannot both win.
        var changed = await db.Settings.Where(s => s.Id == settingId && s.ReviewStatus == SettingReviewStatus.AwaitingReview)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ReviewStatus, approve ? SettingReviewStatus.Approved : SettingReviewStatus.Rejected)
                .SetProperty(s => s.ReviewReason, approve ? (string.IsNullOrWhiteSpace(reason) ? null : reason) : reason)
                .SetProperty(s => s.ReviewedAt, now), ct);
        if (changed == 0)
        {
            return Outcome<Setting>.Conflict("Another platform admin decided on the setting first.");
        }
        audit.Record(actor, approve ? "SettingReviewApproved" : "SettingReviewRejected", nameof(Setting), setting.Id,
            $"{setting.Name} ({setting.OfstedUrn}){(string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}")}", providerId: setting.ProviderId);
        await db.SaveChangesAsync(ct);
        await db.Entry(setting).ReloadAsync(ct);
        return Outcome<Setting>.Success(setting);
    }


    /// <summary>A provider's settings as <paramref name="actor"/> may see them: the full address only per <see cref="AddressDisclosure"/>.</summary>
    public async Task<List<SettingView>> ForProviderAsync(Actor actor, Guid providerId, CancellationToken ct = default)
    {
        var settings = await db.Settings.AsNoTracking().Where(s => s.ProviderId == providerId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var full = await disclosure.FullAddressAsync(actor, [.. settings.Select(s => s.Id)], ct);
        var own = actor.Role == Role.ProviderUser && actor.ProviderId == providerId;
        return [.. settings.Select(s =>
        {
            var shown = full.Contains(s.Id);
            return new SettingView(s.Id, s.ProviderId, s.Name, s.OfstedUrn, AddressDisclosure.Shown(s.Postcode, shown), shown ? s.Latitude : null,
                shown ? s.Longitude : null, s.OfstedGrade, s.LastInspectionDate, s.RegisteredPlaces, s.ClosedAt != null)
            {
                PostcodeIsDistrict = !shown,
                ReviewStatus = s.ReviewStatus,
                // The reason names the register's owner and the other claimants: for the provider itself and the platform.
                ReviewReason = own || actor.Role == Role.PlatformAdmin ? s.ReviewReason : null,
                OfstedGradeConfirmed = s.DeclaredOfstedGrade is null,
                DeclaredOfstedGrade = s.DeclaredOfstedGrade,
            };
        })];
    }
}
