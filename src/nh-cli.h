/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.h: headless commands: PDF export, needing no display */
#pragma once

#include <gio/gio.h>

#include "model/nh-edition.h"

G_BEGIN_DECLS

int nh_cli_export (GVariantDict *options,
                   const char   *language);

int nh_cli_list_episodes           (NhEdition    *edition);
int nh_cli_validate_edition        (const char   *path);
int nh_cli_export_edition_template (const char   *path,
                                    const char   *language);

G_END_DECLS
