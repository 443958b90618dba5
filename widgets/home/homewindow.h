#pragma once

#include <QMainWindow>

namespace billbridge::widgets {

class HomeWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeWindow)

public:
    explicit HomeWindow(QWidget* parent = nullptr);
};

} // namespace billbridge::widgets
