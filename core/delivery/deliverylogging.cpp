#include "delivery/deliverylogging.h"

Q_LOGGING_CATEGORY(lcDelivery, "billbridge.core.delivery")
