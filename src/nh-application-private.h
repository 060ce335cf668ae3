/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-application-private.h: what the application's own files share */
#pragma once

#include "model/nh-checklist-state.h"
#include "model/nh-edition-library.h"
#include "nh-application.h"
#include "nh-search-provider.h"

G_BEGIN_DECLS

struct _NhApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  NhEdition      *edition;
  GError         *edition_error;
  char           *language;          /* of the handbook and printouts; "" follows the system */
  NhStore        *store;
  NhFamily       *family;             /* the children and their data, loaded on first use */
  NhEditionLibrary *edition_library;  /* made on first use */
  char           *edition_id;         /* of the edition shown; "" for the built-in one */
  char           *edition_fallback;   /* why the chosen edition is not shown, said once */
  NhSearchProvider *search_provider;  /* for GNOME Shell, while on the bus */
};

void _nh_application_actions_init (NhApplication *self);

G_END_DECLS
