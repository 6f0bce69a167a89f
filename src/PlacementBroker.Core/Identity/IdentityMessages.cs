using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Identity;

/// <summary>
/// The one place that words ASP.NET Identity's errors for the people who read them, the GOV.UK way: what is wrong and
/// what to do ("Password must be 12 characters or more"), never Identity's own sentences ("Passwords must be at least
/// 12 characters."). Each error keeps Identity's code; only its description changes. Registered with
/// <c>AddErrorDescriber</c>, so every page, API answer and email that shows an <see cref="IdentityError"/> uses it.
/// </summary>
public sealed class IdentityMessages : IdentityErrorDescriber
{
    public const string EmailInUse = "An account with that email address already exists";
    public const string EmailFormat = "Enter an email address in the correct format, like name@example.com";
    public const string LinkExpired = "The link has expired or has already been used. Ask for a new one";

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Something went wrong. Try again");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Someone else changed this account at the same time. Try again");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "The password is not correct");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), LinkExpired);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "The recovery code is not correct or has already been used");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "This sign-in is already linked to another account");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), EmailFormat);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), EmailFormat);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), EmailInUse);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), EmailInUse);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Choose a role from the list");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "That role already exists");

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "This account already has a password. Use Change password instead");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "This account cannot be locked. Ask your platform admin");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "The user already has that role");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "The user does not have that role");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Password must be {length} characters or more");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Password must use at least {uniqueChars} different characters");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Password must include a symbol, such as ! or #");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Password must include a number");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Password must include a lower case letter");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Password must include a capital letter");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
