#include "util/logging.h"

Q_LOGGING_CATEGORY(lcStore, "billbridge.core.store")
Q_LOGGING_CATEGORY(lcReceiver, "billbridge.core.receiver")
Q_LOGGING_CATEGORY(lcStripe, "billbridge.core.stripe")
Q_LOGGING_CATEGORY(lcSecrets, "billbridge.core.secrets")
Q_LOGGING_CATEGORY(lcIntake, "billbridge.core.intake")
