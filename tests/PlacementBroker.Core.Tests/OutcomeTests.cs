namespace PlacementBroker.Core.Tests;

/// <summary>The named rules every service checks its callers and their input with.</summary>
public class OutcomeTests
{
    private sealed record Thing(Guid Id);

    [Fact]
    public void Refused_WhatTheCallerCannotSee_IsNotFound_EvenForTheWrongRole()
    {
        // Another tenant's record reads as null: the role is never checked first, so 403 cannot tell it apart from unknown.
        Assert.True(Outcome<Thing>.Refused(null, "No such thing.", roleMay: false, "Only owners change things.", out var refusal));

        Assert.Equal(OutcomeKind.NotFound, refusal.Kind);
        Assert.Equal("No such thing.", refusal.Message);
    }

    [Fact]
    public void Refused_WhatTheCallerSeesButItsRoleMayNotChange_IsForbidden()
    {
        Assert.True(Outcome<Thing>.Refused(new Thing(Guid.NewGuid()), "No such thing.", roleMay: false, "Only owners change things.", out var refusal));

        Assert.Equal(OutcomeKind.Forbidden, refusal.Kind);
        Assert.Equal("Only owners change things.", refusal.Message);
    }

    [Fact]
    public void Refused_SeenAndAllowed_IsNoRefusal()
    {
        Assert.False(Outcome<Thing>.Refused(new Thing(Guid.NewGuid()), "No such thing.", roleMay: true, "Only owners change things.", out var refusal));
        Assert.Null(refusal);
    }

    [Fact]
    public void As_PassesOnTheKindMessageAndFieldErrors()
    {
        var invalid = Outcome<Thing>.Invalid(new FieldErrors().Add("name", "Enter a name")).As<int>();
        var conflict = Outcome<Thing>.Conflict("Already sent.").As<string>();

        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["Enter a name"], invalid.Errors["name"]);
        Assert.Equal("Enter a name", invalid.Message);
        Assert.Equal(OutcomeKind.Conflict, conflict.Kind);
        Assert.Equal("Already sent.", conflict.Message);
    }

    [Fact]
    public void As_ASuccess_IsNotPassedOnWithoutItsValue() =>
        Assert.Throws<InvalidOperationException>(() => Outcome<Thing>.Success(new Thing(Guid.NewGuid())).As<int>());

    [Fact]
    public void Required_AChoiceOrDate_IsMissingOnlyWhenNull()
    {
        var errors = new FieldErrors()
            .Required("decision", (DayOfWeek?)null, "Select a day")
            .Required("startDate", (DateOnly?)default(DateOnly), "Enter the start date")
            .Required("places", (int?)0, "Enter the places");

        Assert.Equal(["Select a day"], errors.ToDictionary()["decision"]);
        Assert.False(errors.Has("startDate"));
        Assert.False(errors.Has("places"));
    }

    [Theory]
    [InlineData(null, true, "Enter the postcode")]
    [InlineData("  ", false, "Enter the postcode")]
    [InlineData("LS6", false, "Enter a full UK postcode")]
    [InlineData("LS6 2AB", true, null)]
    public void Required_ATextThatMustRead_SaysMissingBeforeUnreadable(string? value, bool reads, string? message)
    {
        var errors = new FieldErrors().Required("postcode", value, reads, "Enter the postcode", "Enter a full UK postcode");

        Assert.Equal(message, errors.FirstMessage);
    }

    [Theory]
    [InlineData(true, null, "Enter the reason")]
    [InlineData(true, " ", "Enter the reason")]
    [InlineData(true, "Not a fit", null)]
    [InlineData(false, null, null)]
    public void RequiredWhen_AsksForTheTextOnlyWhenNeeded(bool needed, string? value, string? message) =>
        Assert.Equal(message, new FieldErrors().RequiredWhen(needed, "reason", value, "Enter the reason").FirstMessage);

    [Fact]
    public async Task ChosenAsync_NoChoice_IsMissing_AndNothingIsRead()
    {
        var reads = 0;
        var errors = new FieldErrors();

        var found = await errors.ChosenAsync<Thing>("thingId", null, _ => { reads++; return Task.FromResult<Thing?>(null); },
            "Select the thing", "Select one of your things");

        Assert.Null(found);
        Assert.Equal(0, reads);
        Assert.Equal(["Select the thing"], errors.ToDictionary()["thingId"]);
    }

    [Fact]
    public async Task ChosenAsync_AnotherOrganisationsRecord_ReadsAsUnknown()
    {
        var mine = new Thing(Guid.NewGuid());
        var errors = new FieldErrors();
        Task<Thing?> OwnOnly(Guid id) => Task.FromResult(id == mine.Id ? mine : null);

        var theirs = await errors.ChosenAsync("thingId", Guid.NewGuid(), OwnOnly, "Select the thing", "Select one of your things");
        var own = await new FieldErrors().ChosenAsync("thingId", mine.Id, OwnOnly, "Select the thing", "Select one of your things");

        Assert.Null(theirs);
        Assert.Equal(["Select one of your things"], errors.ToDictionary()["thingId"]);
        Assert.Same(mine, own);
    }
}
