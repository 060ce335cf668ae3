/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.h: headless commands: PDF export, needing no display */
#pragma once

#include <gio/gio.h>

#include "model/nh-store.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

int nh_cli_export (GVariantDict *options,
                   const char   *language);

NhStore *nh_cli_dup_child_store (GVariantDict *options);
int      nh_cli_import          (GVariantDict *options);
int      nh_cli_backup          (const char   *path);
int      nh_cli_restore         (const char   *path);

int nh_cli_list_episodes           (GVariantDict *options,
                                    NhEdition    *edition);
int nh_cli_validate_edition        (const char   *path);
int nh_cli_validate_clinic         (const char   *path);
int nh_cli_export_clinic_template  (const char   *path,
                                    const char   *language);
int nh_cli_export_edition_template (const char   *path,
                                    const char   *language);

int nh_cli_export_translation_template (GVariantDict *options);
int nh_cli_import_translation          (GVariantDict *options);

G_END_DECLS
