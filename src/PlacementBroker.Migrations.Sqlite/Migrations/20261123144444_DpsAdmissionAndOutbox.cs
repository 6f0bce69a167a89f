using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DpsAdmissionAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Vacancies",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Vacancies",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Settings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "LotApplications",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedAt",
                table: "LotApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExtendedByUserId",
                table: "LotApplications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "LotApplications",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "DynamicPurchasingSystems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByUserId",
                table: "DynamicPurchasingSystems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOrganisationAdmin",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DeliveryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LotApplications_ExtendedByUserId",
                table: "LotApplications",
                column: "ExtendedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DynamicPurchasingSystems_CreatedByUserId",
                table: "DynamicPurchasingSystems",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_DeliveredAt_CreatedAt",
                table: "OutboxEmails",
                columns: new[] { "DeliveredAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_Reference",
                table: "OutboxEmails",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_To",
                table: "OutboxEmails",
                column: "To");

            migrationBuilder.AddForeignKey(
                name: "FK_DynamicPurchasingSystems_AspNetUsers_CreatedByUserId",
                table: "DynamicPurchasingSystems",
                column: "CreatedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LotApplications_AspNetUsers_ExtendedByUserId",
                table: "LotApplications",
                column: "ExtendedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DynamicPurchasingSystems_AspNetUsers_CreatedByUserId",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropForeignKey(
                name: "FK_LotApplications_AspNetUsers_ExtendedByUserId",
                table: "LotApplications");

            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropIndex(
                name: "IX_LotApplications_ExtendedByUserId",
                table: "LotApplications");

            migrationBuilder.DropIndex(
                name: "IX_DynamicPurchasingSystems_CreatedByUserId",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "LotApplications");

            migrationBuilder.DropColumn(
                name: "ExtendedAt",
                table: "LotApplications");

            migrationBuilder.DropColumn(
                name: "ExtendedByUserId",
                table: "LotApplications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "LotApplications");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "DynamicPurchasingSystems");

            migrationBuilder.DropColumn(
                name: "IsOrganisationAdmin",
                table: "AspNetUsers");
        }
    }
}
