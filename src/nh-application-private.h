/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-application-private.h: what the application's own files share */
#pragma once

#include "nh-application.h"

G_BEGIN_DECLS

struct _NhApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  NhEdition      *edition;
  GError         *edition_error;
};

void _nh_application_actions_init (NhApplication *self);

G_END_DECLS
