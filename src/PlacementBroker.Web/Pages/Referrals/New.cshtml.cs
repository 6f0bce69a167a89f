using System.Text.Json;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// Making a referral as question pages, one section each, saved as the officer goes: the first at /referrals/new, then
/// /referrals/new/{id}/{section}. Each page checks only its own answers, with the service's rules
/// (<see cref="ReferralService.ValidateAsync"/>); the answers so far are an <see cref="UnfinishedReferral"/> of the
/// officer's own. After the last section the referral is written as a draft, exactly as the whole form was, and the
/// officer checks the answers before sending. "Save and come back later" keeps what is valid and goes to the list.
/// </summary>
public class NewModel(ReferralService referrals, UnfinishedReferrals unfinished, DpsService dps) : ReferralFormModel(dps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [FromRoute]
    public Guid? Id { get; set; }

    [FromRoute(Name = "section")]
    public string? SectionSlug { get; set; }

    public Section Current { get; private set; } = Sections[0];

    /// <summary>The previous question, for the back link; null on the first.</summary>
    public Section? Previous => Sections.TakeWhile(s => s != Current).LastOrDefault();

    public override IEnumerable<string> FieldOrder => Current.Fields;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return await PageAsync(LoadChoicesAsync);
        }
        if (await unfinished.FindAsync(Actor, Id.Value, Aborted) is not { } saved)
        {
            return NotFound();
        }
        if (SectionSlug is null)
        {
            return RedirectToPage(new { id = Id, section = FirstToDo(saved.CompletedSections)?.Slug ?? Sections[^1].Slug });
        }
        if (!FindSection())
        {
            return NotFound();
        }
        Input = Answers(saved);
        return await PageAsync(LoadChoicesAsync);
    }

    public async Task<IActionResult> OnPostAsync(string? save)
    {
        var later = save == "later";
        UnfinishedReferralView? saved = null;
        if (Id is { } id)
        {
            if (!FindSection())
            {
                return NotFound();
            }
            if ((saved = await unfinished.FindAsync(Actor, id, Aborted)) is null)
            {
                return NotFound();
            }
        }
        else if (SectionSlug is not null)
        {
            return NotFound();
        }
        ModelState.Clear();
        var before = saved is null ? new ReferralInput() : Answers(saved);
        var answers = before.With(Input, Current);
        Input = answers;
        var errors = await SectionErrorsAsync(answers);
        var completed = (saved?.CompletedSections ?? []).Where(s => s != Current.Slug).ToList();
        if (errors.Count == 0)
        {
            completed.Add(Current.Slug);
        }
        else if (later)
        {
            // What is valid is kept; an answer with an error stays as it was.
            answers = before.With(Input, Current, field => !errors.ContainsKey(field));
        }
        else
        {
            ShowErrors(new Dictionary<string, string[]>(), unreadable: errors);
            return await PageAsync(LoadChoicesAsync);
        }

        var stored = Id is { } existing
            ? await unfinished.SaveAsync(Actor, existing, JsonSerializer.Serialize(answers, Json), completed, Aborted)
            : await unfinished.StartAsync(Actor, JsonSerializer.Serialize(answers, Json), completed, Aborted);
        if (!stored.Succeeded)
        {
            return Refused(stored) ?? await PageAsync(LoadChoicesAsync);
        }
        Id = stored.Value!.Id;
        if (later)
        {
            return Done("Your answers are saved. Nothing has been sent to providers: carry on with the referral from this list when you are ready",
                "/Referrals/Index", new { status = nameof(ReferralStatus.Draft) });
        }
        if (FirstToDo(completed) is { } next)
        {
            return RedirectToPage(new { id = Id, section = next.Slug });
        }
        return await FinishAsync(answers, completed);
    }

    /// <summary>
    /// Every section answered: the referral is written as a draft under all its rules, and the officer checks it. A rule
    /// only the whole referral can break is shown on the question that asks it, which is to be answered again.
    /// </summary>
    private async Task<IActionResult> FinishAsync(ReferralInput answers, List<string> completed)
    {
        var unreadable = new Dictionary<string, string>();
        var outcome = await unfinished.FinishAsync(Actor, Id!.Value, ReadRequest(unreadable), Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Referrals/Check", new { id = outcome.Value!.Id });
        }
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return Refused(outcome)!;
        }
        var fields = Fields(unreadable);
        var errors = outcome.Errors.GroupBy(e => FieldKey(e.Key, fields)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
        foreach (var key in unreadable.Keys)
        {
            errors.Remove(key);
        }
        if (Sections.FirstOrDefault(s => s.Fields.Any(f => errors.ContainsKey(f) || unreadable.ContainsKey(f))) is { } asking)
        {
            // Shown on the question that asks it, which is answered again before the referral is written.
            Current = asking;
            SectionSlug = asking.Slug;
            completed.Remove(asking.Slug);
            await unfinished.SaveAsync(Actor, Id.Value, JsonSerializer.Serialize(answers, Json), completed, Aborted);
            ViewData["FormAction"] = Url.Page("/Referrals/New", new { id = Id, section = asking.Slug });
            var shown = errors.Where(e => asking.Fields.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value[0]);
            foreach (var (key, message) in unreadable.Where(u => asking.Fields.Contains(u.Key)))
            {
                shown[key] = message;
            }
            ShowErrors(new Dictionary<string, string[]>(), unreadable: shown);
        }
        else
        {
            Problem(outcome.Message);
        }
        return await PageAsync(LoadChoicesAsync);
    }

    /// <summary>
    /// The errors of this section's answers only (page field → message), by the service's rules and the page's own
    /// "could not read this": the rest of the referral is checked on its own pages.
    /// </summary>
    private async Task<Dictionary<string, string>> SectionErrorsAsync(ReferralInput answers)
    {
        var saved = Input;
        Input = answers;
        var unreadable = new Dictionary<string, string>();
        var request = ReadRequest(unreadable);
        Input = saved;
        var fields = Fields(unreadable);
        var errors = new Dictionary<string, string>();
        foreach (var (field, messages) in (await referrals.ValidateAsync(Actor, request, Aborted)).ToDictionary())
        {
            var key = FieldKey(field, fields);
            if (Current.Fields.Contains(key) && !errors.ContainsKey(key))
            {
                errors[key] = messages[0];
            }
        }
        foreach (var (key, message) in unreadable.Where(u => Current.Fields.Contains(u.Key)))
        {
            errors[key] = message;
        }
        return Current.Fields.Where(errors.ContainsKey).ToDictionary(f => f, f => errors[f]);
    }

    public static ReferralInput Answers(UnfinishedReferralView saved) =>
        JsonSerializer.Deserialize<ReferralInput>(saved.Answers, Json) ?? new ReferralInput();

    /// <summary>The child's name as answered so far, for the list; null before it is given.</summary>
    public static string? ChildName(UnfinishedReferralView saved) =>
        Answers(saved) is var a && $"{a.FirstName?.Trim()} {a.LastName?.Trim()}".Trim() is { Length: > 0 } name ? name : null;

    /// <summary>The first section not yet answered in full; null when every one is.</summary>
    public static Section? FirstToDo(IEnumerable<string> completed) => Sections.FirstOrDefault(s => !completed.Contains(s.Slug));

    /// <summary>The section the address names, as <see cref="Current"/>; false for a section there is not.</summary>
    private bool FindSection()
    {
        if (Sections.FirstOrDefault(s => s.Slug == (SectionSlug ?? Sections[0].Slug)) is not { } section)
        {
            return false;
        }
        Current = section;
        return true;
    }
}
