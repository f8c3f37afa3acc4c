#include "../../../zint/backend/qr.h"
