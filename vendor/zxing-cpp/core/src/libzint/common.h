#include "../../../zint/backend/common.h"
