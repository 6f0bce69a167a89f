using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProviderVerificationAndEmailConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ContactEmailConfirmedAt",
                table: "Providers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "Providers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "Providers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VerifiedByUserId",
                table: "Providers",
                type: "TEXT",
                nullable: true);

            // Every organisation already live was registered before verification existed, or created by a platform admin or
            // the demo seed: it counts as verified, and its contact address as confirmed, so nobody already working is locked out.
            migrationBuilder.Sql("UPDATE \"Providers\" SET \"VerifiedAt\" = \"RegisteredAt\", \"VerifiedBy\" = 'Existing', \"ContactEmailConfirmedAt\" = \"RegisteredAt\"");

            migrationBuilder.AddColumn<bool>(
                name: "HeldUntilConfirmed",
                table: "OutboxEmails",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EmailConfirmationCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmsContactEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailConfirmationCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailConfirmationCodes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmailConfirmationCodes_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailConfirmationCodes_CodeHash",
                table: "EmailConfirmationCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailConfirmationCodes_ProviderId",
                table: "EmailConfirmationCodes",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailConfirmationCodes_UserId",
                table: "EmailConfirmationCodes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailConfirmationCodes");

            migrationBuilder.DropColumn(
                name: "ContactEmailConfirmedAt",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "VerifiedByUserId",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "HeldUntilConfirmed",
                table: "OutboxEmails");
        }
    }
}
