using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Providers;

/// <summary>A provider's Ofsted-registered settings, located from coordinates or, failing those, the postcode.</summary>
public class SettingService(PlacementBrokerDbContext db, IGeocoder geocoder, AuditTrail audit, TimeProvider clock)
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
        if (string.IsNullOrWhiteSpace(request.OfstedUrn))
        {
            errors.Add("ofstedUrn", "Enter the setting's Ofsted URN");
        }
        else if (urn is null)
        {
            errors.Add("ofstedUrn", "Enter an Ofsted URN like SC123456 or 2123456");
        }
        if (string.IsNullOrWhiteSpace(request.Postcode))
        {
            errors.Add("postcode", "Enter the setting's postcode");
        }
        else if (postcode is null)
        {
            errors.Add("postcode", "Enter a full UK postcode, like LS6 2AB");
        }
        if ((request.Latitude is null) != (request.Longitude is null))
        {
            errors.Add(request.Latitude is null ? "latitude" : "longitude", "Enter both latitude and longitude, or neither");
        }
        else if (request.Latitude is { } lat && request.Longitude is { } lon && (lat is < 49.8 or > 60.9 || lon is < -8.7 or > 1.8))
        {
            errors.Add("latitude", "The coordinates must be in the United Kingdom");
        }
        if (request.OfstedGrade is null)
        {
            errors.Add("ofstedGrade", "Select the latest Ofsted grade, or not yet inspected");
        }
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
                $"We could not find where {Postcode.District(postcode)} is. Enter the setting's latitude and longitude");
        }
        if (await db.Settings.AnyAsync(s => s.OfstedUrn == urn, ct))
        {
            return Outcome<Setting>.Conflict($"A setting with Ofsted URN {urn} is already registered.");
        }

        var setting = new Setting
        {
            ProviderId = providerId,
            Name = name!,
            OfstedUrn = urn!,
            Postcode = postcode!,
            Latitude = coordinates.Value.Latitude,
            Longitude = coordinates.Value.Longitude,
            OfstedGrade = request.OfstedGrade!.Value,
            LastInspectionDate = request.LastInspectionDate,
            RegisteredPlaces = request.RegisteredPlaces!.Value,
            Region = Regions.FromPostcode(postcode),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Settings.Add(setting);
        audit.Record(actor, "SettingAdded", nameof(Setting), setting.Id, $"{setting.Name} ({setting.OfstedUrn})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<Setting>.Conflict($"A setting with Ofsted URN {urn} is already registered.");
        }
        return Outcome<Setting>.Success(setting);
    }

    public async Task<List<SettingView>> ForProviderAsync(Guid providerId, CancellationToken ct = default) =>
        await db.Settings.AsNoTracking().Where(s => s.ProviderId == providerId).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SettingView(s.Id, s.ProviderId, s.Name, s.OfstedUrn, s.Postcode, s.Latitude, s.Longitude, s.OfstedGrade,
                s.LastInspectionDate, s.RegisteredPlaces, s.ClosedAt != null))
            .ToListAsync(ct);
}
