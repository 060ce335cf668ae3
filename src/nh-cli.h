/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.h: headless commands: PDF export, needing no display */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int nh_cli_export (GVariantDict *options,
                   const char   *language);

G_END_DECLS
