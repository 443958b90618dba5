#pragma once

#include "campaigns/manualcampaigndialog.h"
#include "connections/connectionservices.h"

namespace billbridge::widgets {

// The catalog as the console reaches it: the App API key from the keychain (or this session's values),
// the region and any base-address override as the Connections dialog saved them.
ManualCampaignDialog::CatalogSource consoleCatalogSource(ConnectionServices services);

} // namespace billbridge::widgets
